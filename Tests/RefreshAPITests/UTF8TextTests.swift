import Testing
@testable import RefreshAPI

/// The reader's own UTF-8 check against the standard library's: the same text from the same bytes, valid or not.
@Suite("Text from a body's bytes")
struct UTF8TextTests {
    /// Whether the standard library takes `bytes` for well-formed UTF-8.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    static func text(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { UTF8Text.string($0) }
    }

    @Test func everySequenceOfOneOrTwoBytesIsToldAsTheStandardLibraryTellsIt() {
        for first in 0...255 {
            let one = [UInt8(first)]
            #expect(Array(Self.text(one).utf8) == Array(String(decoding: one, as: UTF8.self).utf8))
            for second in 0...255 {
                let two = [UInt8(first), UInt8(second)]
                let length = two.withUnsafeBytes { UTF8Text.sequenceLength(at: 0, in: $0) }
                if first >= 0x80 { #expect((length == 2) == Self.isValid(two), "\(two)") }
                #expect(Array(Self.text(two).utf8) == Array(String(decoding: two, as: UTF8.self).utf8), "\(two)")
            }
        }
    }

    @Test func sequencesOfThreeAndFourBytesAreCheckedAsTheStandardDefinesThem() {
        // Every lead byte from 0xE0, with every second byte and the continuation bytes' edges.
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        for lead in 0xE0...0xFF {
            for second in 0...255 {
                for third in edges {
                    let three = [UInt8(lead), UInt8(second), third]
                    let length = three.withUnsafeBytes { UTF8Text.sequenceLength(at: 0, in: $0) }
                    #expect((length == 3) == Self.isValid(three), "\(three)")
                    for fourth in edges where lead >= 0xF0 {
                        let four = three + [fourth]
                        let length = four.withUnsafeBytes { UTF8Text.sequenceLength(at: 0, in: $0) }
                        #expect((length == 4) == Self.isValid(four), "\(four)")
                    }
                }
            }
        }
    }

    @Test func textIsKeptByteForByteWhenValidAndRepairedWhenNot() {
        let samples: [[UInt8]] = [
            Array("plain text longer than eight bytes".utf8), Array("café 日本語 👩‍💻 मराठी ✨ — end".utf8),
            Array("ascii then é".utf8), [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xC3],  // cut short
            [0xED, 0xA0, 0x80] + Array(" a surrogate".utf8), [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF],
            Array("twelve bytes".utf8) + [0xE2, 0x9C] + Array(" and more after it".utf8), [],
        ]
        for bytes in samples {
            let text = Self.text(bytes)
            #expect(Array(text.utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8), "\(bytes)")
            #expect(text == String(decoding: bytes, as: UTF8.self))
        }
    }
}
