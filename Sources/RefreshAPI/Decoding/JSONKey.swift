/// A key of a JSON object as it stands in the body, matched against the names a model knows without making a
/// `String` of it: `switch key { case "likes_count": … }` compares bytes. A plain value (no reference counting),
/// valid while the body is.
struct JSONKey {
    /// The key's bytes between its quotes, escapes as written.
    let raw: UnsafeRawBufferPointer
    /// Whether the raw bytes hold an escape, so that they are not the key's text as they stand.
    let isEscaped: Bool

    /// The key as text.
    var text: String {
        guard isEscaped else { return String(decoding: raw, as: UTF8.self) }
        // The rare escaped key is unescaped again when asked: its bytes were checked when it was read.
        let quoted = [UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")]
        return quoted.withUnsafeBytes { bytes in
            var reader = JSONReader(bytes)
            return (try? reader.readString()) ?? String(decoding: raw, as: UTF8.self)
        }
    }

    /// One bit of 64 that equal keys share, so that telling a repeated key mostly takes no comparison of bytes.
    @inline(__always)
    var fingerprintBit: UInt64 {
        guard isEscaped else { return Self.fingerprintBit(of: raw) }
        var text = text
        return text.withUTF8 { Self.fingerprintBit(of: UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    private static func fingerprintBit(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let first = bytes.first, let last = bytes.last else { return 1 }
        let mixed = UInt64(bytes.count) &* 31 &+ UInt64(first) &* 7 &+ UInt64(last) &+ UInt64(bytes[bytes.count / 2]) &* 3
        return 1 << (mixed & 63)
    }

    @inline(__always)
    static func ~= (name: StaticString, key: JSONKey) -> Bool {
        guard !key.isEscaped else { return key.text == name.description }
        guard name.utf8CodeUnitCount == key.raw.count else { return false }
        return sameBytes(UnsafeRawPointer(name.utf8Start), key.raw.baseAddress, count: key.raw.count)
    }

    static func == (lhs: JSONKey, rhs: JSONKey) -> Bool {
        guard !lhs.isEscaped, !rhs.isEscaped else { return lhs.text == rhs.text }
        guard lhs.raw.count == rhs.raw.count else { return false }
        return sameBytes(lhs.raw.baseAddress, rhs.raw.baseAddress, count: lhs.raw.count)
    }

    /// Whether `count` bytes are the same at both places, compared eight at a time (keys are short).
    @inline(__always)
    static func sameBytes(_ left: UnsafeRawPointer?, _ right: UnsafeRawPointer?, count: Int) -> Bool {
        guard count > 0, let left, let right else { return true }
        guard count >= 8 else {
            for index in 0..<count where left.load(fromByteOffset: index, as: UInt8.self)
                != right.load(fromByteOffset: index, as: UInt8.self)
            {
                return false
            }
            return true
        }
        var index = 0
        while index + 8 <= count {
            guard left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                == right.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            else { return false }
            index += 8
        }
        // The last eight bytes, overlapping the ones compared.
        return index == count
            || left.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                == right.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
}
