/// Text made from a body's bytes. The standard library checks UTF-8 a byte at a time once text is not all
/// ASCII; captions are mostly ASCII with a few emoji or accented letters, so here the check goes eight bytes at a
/// time between them (or happens while the reader looks for the closing quote), and the `String` is made from bytes
/// already known to be valid.
enum UTF8Text {
    /// Bits set on the high bit of each of eight bytes.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The text of `bytes`; invalid UTF-8 becomes U+FFFD, as `String(decoding:as:)` makes it.
    static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        let highs = highBits
        let count = bytes.count
        var index = 0
        var isASCII = true
        while index < count {
            if index + 8 <= count {
                let high = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & highs
                guard high != 0 else {
                    index += 8
                    continue
                }
                // Past the ASCII bytes before the first that is not.
                index += high.trailingZeroBitCount / 8
            }
            guard bytes[index] >= 0x80 else {
                index += 1
                continue
            }
            isASCII = false
            let length = sequenceLength(at: index, in: bytes)
            guard length > 0 else { return String(decoding: bytes, as: UTF8.self) }
            index += length
        }
        return string(checked: bytes, isASCII: isASCII)
    }

    /// The text of bytes already found to be well-formed UTF-8 (and all ASCII when `isASCII` says so), made
    /// without checking them again.
    @inline(__always)
    static func string(checked bytes: UnsafeRawBufferPointer, isASCII: Bool) -> String {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return "" }
        guard #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) else {
            return String(decoding: bytes, as: UTF8.self)  // older Apple systems lack UTF8Span: checked again
        }
        let units = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        return unsafe String(copying: UTF8Span(unchecked: units.span, isKnownASCII: isASCII))
    }

    /// The length of the well-formed sequence that starts with the byte at `index` (0x80 or above), as the Unicode
    /// Standard defines them (its table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF); 0 when the
    /// bytes there are not one.
    @inline(__always)
    static func sequenceLength(at index: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        // The length of the sequence, and the range its second byte must fall in.
        let length: Int
        var lowest: UInt8 = 0x80, highest: UInt8 = 0xBF
        switch bytes[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, lowest) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, highest) = (3, 0x9F)
        case 0xF0: (length, lowest) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, highest) = (4, 0x8F)
        default: return 0
        }
        guard index + length <= bytes.count, (lowest...highest).contains(bytes[index + 1]) else { return 0 }
        for continuation in (index + 2)..<(index + length) where bytes[continuation] & 0xC0 != 0x80 {
            return 0
        }
        return length
    }
}
