/// Walks the tokens of a JSON document in one pass over its bytes, for the decoding functions of the models:
/// they ask for the value they expect where they are, and skip the rest. Nothing is built that is not asked for.
///
/// It accepts what Foundation's JSON parser accepts (a byte-order mark, trailing commas), and reads more than it
/// does: invalid UTF-8 and lone surrogates become U+FFFD. Nesting deeper than ``maximumDepth`` is refused, so
/// that no input can exhaust the stack. Errors name the path of the value being read and the byte offset.
struct JSONReader {
    /// What a value is, from its first byte.
    enum Kind {
        case object, array, string, number, bool, null
    }

    /// A number as written (its bytes, valid while the body is), read into a `Double` or an integer only when
    /// asked.
    struct Number {
        let literal: UnsafeRawBufferPointer
        /// Whether it has neither a fraction nor an exponent.
        let isIntegerLiteral: Bool
    }

    /// The deepest nesting of objects and lists read.
    static let maximumDepth = 512

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0
    private var depth = 0
    /// Where the value being read is: keys and list indices from the top.
    private var path: [PathComponent] = []

    private enum PathComponent {
        case key(String)
        case index(Int)
    }

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
    }

    // MARK: Errors

    /// An error about the value being read.
    func problem(_ reason: String, at position: Int? = nil) -> ResponseUnreadable {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return ResponseUnreadable(path: text, reason: reason, offset: position ?? offset)
    }

    /// An error in the JSON itself, wherever it is.
    private func syntax(_ reason: String) -> ResponseUnreadable {
        ResponseUnreadable(path: "", reason: "the body is not valid JSON: \(reason)", offset: offset)
    }

    private func unexpected() -> ResponseUnreadable {
        guard offset < bytes.count else { return syntax("it ends too soon") }
        let byte = bytes[offset]
        let shown = (0x20..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return syntax("unexpected \(shown)")
    }

    // MARK: Structure

    /// Skips whitespace; what the next value is.
    mutating func kind() throws(ResponseUnreadable) -> Kind {
        skipWhitespace()
        guard offset < bytes.count else { throw syntax("it ends too soon") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw unexpected()
        }
    }

    /// Consumes `null` if it comes next; whether it did.
    mutating func readNull() throws(ResponseUnreadable) -> Bool {
        guard try kind() == .null else { return false }
        try expectWord("null")
        return true
    }

    /// Reads an object, calling `member` with each key; `member` reads or skips the value. A key that comes
    /// again is skipped: the first one counts, as with Foundation's decoder.
    mutating func readObject(_ member: (inout JSONReader, String) throws(ResponseUnreadable) -> Void)
        throws(ResponseUnreadable)
    {
        guard try kind() == .object else { throw problem("expected an object, found \(try describeNext())") }
        try enter()
        offset += 1
        skipWhitespace()
        if try consume(UInt8(ascii: "}")) { return leave() }
        var seen: [String] = []
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw unexpected() }
            let key = try readRawString()
            skipWhitespace()
            guard try consume(UInt8(ascii: ":")) else { throw unexpected() }
            if seen.contains(key) {
                try skipValue()
            } else {
                seen.append(key)
                path.append(.key(key))
                try member(&self, key)
                path.removeLast()
            }
            skipWhitespace()
            if try consume(UInt8(ascii: "}")) { return leave() }
            guard try consume(UInt8(ascii: ",")) else { throw unexpected() }
            skipWhitespace()
            // A trailing comma, as Foundation's parser accepts.
            if try consume(UInt8(ascii: "}")) { return leave() }
        }
    }

    /// Reads a list, calling `element` with each index; `element` reads or skips the value.
    mutating func readArray(_ element: (inout JSONReader, Int) throws(ResponseUnreadable) -> Void)
        throws(ResponseUnreadable)
    {
        guard try kind() == .array else { throw problem("expected a list, found \(try describeNext())") }
        try enter()
        offset += 1
        skipWhitespace()
        if try consume(UInt8(ascii: "]")) { return leave() }
        var index = 0
        while true {
            path.append(.index(index))
            try element(&self, index)
            path.removeLast()
            index += 1
            skipWhitespace()
            if try consume(UInt8(ascii: "]")) { return leave() }
            guard try consume(UInt8(ascii: ",")) else { throw unexpected() }
            skipWhitespace()
            if try consume(UInt8(ascii: "]")) { return leave() }
        }
    }

    /// Skips the next value, checking its structure as Foundation's parser does: the text of keys and strings
    /// nobody reads is not looked into.
    mutating func skipValue() throws(ResponseUnreadable) {
        switch try kind() {
        case .object: try skipObject()
        case .array: try readArray { reader, _ throws(ResponseUnreadable) in try reader.skipValue() }
        case .string: try skipString()
        case .number: skipNumber()
        case .bool: _ = try readBool()
        case .null: _ = try readNull()
        }
    }

    private mutating func skipObject() throws(ResponseUnreadable) {
        try enter()
        offset += 1
        skipWhitespace()
        if try consume(UInt8(ascii: "}")) { return leave() }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw unexpected() }
            try skipString()
            skipWhitespace()
            guard try consume(UInt8(ascii: ":")) else { throw unexpected() }
            try skipValue()
            skipWhitespace()
            if try consume(UInt8(ascii: "}")) { return leave() }
            guard try consume(UInt8(ascii: ",")) else { throw unexpected() }
            skipWhitespace()
            if try consume(UInt8(ascii: "}")) { return leave() }
        }
    }

    /// Reads a value whose errors only count if it is needed (an alternative key, read when the documented one is
    /// absent): the error is kept in the result, the value skipped, and the JSON around it must still be valid.
    mutating func deferred<Value>(_ read: (inout JSONReader) throws(ResponseUnreadable) -> Value?)
        throws(ResponseUnreadable) -> Result<Value?, ResponseUnreadable>
    {
        let (start, pathCount, startDepth) = (offset, path.count, depth)
        do {
            return .success(try read(&self))
        } catch {
            (offset, depth) = (start, startDepth)
            path.removeLast(path.count - pathCount)
            try skipValue()
            return .failure(error)
        }
    }

    /// Checks that nothing but whitespace follows the value read.
    mutating func expectEnd() throws(ResponseUnreadable) {
        skipWhitespace()
        guard offset == bytes.count else { throw unexpected() }
    }

    // MARK: Scalars

    mutating func readBool() throws(ResponseUnreadable) -> Bool {
        guard try kind() == .bool else { throw problem("expected true or false, found \(try describeNext())") }
        if bytes[offset] == UInt8(ascii: "t") {
            try expectWord("true")
            return true
        }
        try expectWord("false")
        return false
    }

    mutating func readString() throws(ResponseUnreadable) -> String {
        guard try kind() == .string else { throw problem("expected text, found \(try describeNext())") }
        return try readRawString()
    }

    /// Reads a number token, checking its grammar.
    mutating func readNumber() throws(ResponseUnreadable) -> Number {
        guard try kind() == .number else { throw problem("expected a number, found \(try describeNext())") }
        let start = offset
        var isInteger = true
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count else { throw syntax("a number ends too soon") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard try skipDigits() > 0 else { throw unexpected() }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard try skipDigits() > 0 else { throw unexpected() }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard try skipDigits() > 0 else { throw unexpected() }
        }
        // What Foundation's scanner takes for one number token must be one number (`1e3e3` is not).
        if offset < bytes.count, Self.isNumberByte(bytes[offset]) { throw unexpected() }
        return Number(literal: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), isIntegerLiteral: isInteger)
    }

    /// Skips a number nobody reads: as Foundation's parser, the run of characters numbers are made of, its
    /// grammar checked only when it is read.
    private mutating func skipNumber() {
        while offset < bytes.count, Self.isNumberByte(bytes[offset]) { offset += 1 }
    }

    /// The characters a number token is made of.
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default:
            false
        }
    }

    /// What comes next, in words, for a type error.
    private mutating func describeNext() throws(ResponseUnreadable) -> String {
        switch try kind() {
        case .object: "an object"
        case .array: "a list"
        case .string: "text"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }

    // MARK: Bytes

    private mutating func enter() throws(ResponseUnreadable) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw syntax("nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func leave() {
        depth -= 1
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) throws(ResponseUnreadable) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    private mutating func expectWord(_ word: StaticString) throws(ResponseUnreadable) {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw syntax("it ends too soon") }
        for index in 0..<count where bytes[offset + index] != word.utf8Start[index] {
            offset += index
            throw unexpected()
        }
        offset += count
    }

    private mutating func skipDigits() throws(ResponseUnreadable) -> Int {
        let start = offset
        while offset < bytes.count, bytes[offset] &- UInt8(ascii: "0") < 10 { offset += 1 }
        return offset - start
    }

    /// Skips a string at its opening quote, finding its end as Foundation's parser does: an escape covers the
    /// character after the backslash, `\u` the four after it (none of them a quote); what they are, and control
    /// characters, count only when the text is read.
    private mutating func skipString() throws(ResponseUnreadable) {
        offset += 1
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "\""):
                offset += 1
                return
            case UInt8(ascii: "\\"):
                guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                    offset += 2
                    continue
                }
                guard offset + 6 <= bytes.count, !bytes[(offset + 2)..<(offset + 6)].contains(UInt8(ascii: "\"")) else {
                    throw syntax("a \\u escape needs four characters before the text ends")
                }
                offset += 6
            default:
                offset += 1
            }
        }
        throw syntax("text is not closed")
    }

    /// Reads a string at the opening quote.
    private mutating func readRawString() throws(ResponseUnreadable) -> String {
        try scanString()
    }

    /// Scans a string at its opening quote and returns it unescaped. Text with no escape is taken straight from
    /// the body; invalid UTF-8 and lone surrogates become U+FFFD.
    private mutating func scanString() throws(ResponseUnreadable) -> String {
        offset += 1
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try scanEscapedString(from: start) }
            guard byte >= 0x20 else { throw syntax("a control character inside text") }
            offset += 1
        }
        throw syntax("text is not closed")
    }

    private mutating func scanEscapedString(from start: Int) throws(ResponseUnreadable) -> String {
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(offset - start + 16)
        unescaped.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: unescaped, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < bytes.count else { throw syntax("text is not closed") }
                let escape = bytes[offset]
                offset += 1
                let simple: UInt8? =
                    switch escape {
                    case UInt8(ascii: "\""): 0x22
                    case UInt8(ascii: "\\"): 0x5C
                    case UInt8(ascii: "/"): 0x2F
                    case UInt8(ascii: "b"): 0x08
                    case UInt8(ascii: "f"): 0x0C
                    case UInt8(ascii: "n"): 0x0A
                    case UInt8(ascii: "r"): 0x0D
                    case UInt8(ascii: "t"): 0x09
                    default: nil
                    }
                if let simple {
                    unescaped.append(simple)
                    continue
                }
                guard escape == UInt8(ascii: "u") else {
                    offset -= 1
                    throw syntax("an unknown escape in text")
                }
                unescaped.append(contentsOf: String(try readUnicodeEscape()).utf8)
            default:
                guard byte >= 0x20 else { throw syntax("a control character inside text") }
                unescaped.append(byte)
                offset += 1
            }
        }
        throw syntax("text is not closed")
    }

    /// After `\u`: four hex digits, and a second escape for a surrogate pair. A lone surrogate is U+FFFD.
    private mutating func readUnicodeEscape() throws(ResponseUnreadable) -> Unicode.Scalar {
        let first = try readHex4()
        switch first {
        case 0xD800...0xDBFF:
            guard offset + 6 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
            else { return "\u{FFFD}" }
            let mark = offset
            offset += 2
            let second = try readHex4()
            guard (0xDC00...0xDFFF).contains(second) else {
                offset = mark
                return "\u{FFFD}"
            }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) ?? "\u{FFFD}"
        case 0xDC00...0xDFFF:
            return "\u{FFFD}"
        default:
            return Unicode.Scalar(first) ?? "\u{FFFD}"
        }
    }

    private mutating func readHex4() throws(ResponseUnreadable) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw syntax("a \\u escape ends too soon") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntax("a \\u escape needs four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }
}

extension JSONReader.Number {
    /// The number as a `Double`; nil when a `Double` cannot hold it (too large, or too small and not zero),
    /// as Foundation refuses it too.
    var double: Double? {
        if let small = smallInteger, small.magnitude < 1 << 53 {
            return small == 0 && literal.first == UInt8(ascii: "-") ? -0.0 : Double(small)
        }
        guard let value = Double(String(decoding: literal, as: UTF8.self)), value.isFinite else { return nil }
        if value == 0 {
            let mantissa = literal.prefix { $0 | 0x20 != UInt8(ascii: "e") }
            if mantissa.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) { return nil }
        }
        return value
    }

    /// The number as a whole number, when it is one that fits (1.0 and 1e3 are; 1.5 is not).
    var integer: Int64? {
        if isIntegerLiteral { return smallInteger ?? Int64(String(decoding: literal, as: UTF8.self)) }
        guard let value = double, value == value.rounded(), value.magnitude < 9.223372036854775807e18 else { return nil }
        return Int64(value)
    }

    /// The value of an integer literal that fits an `Int64`, read without going through text.
    private var smallInteger: Int64? {
        guard isIntegerLiteral, literal.count <= 19 else { return nil }
        var value: Int64 = 0
        var negative = false
        for byte in literal {
            if byte == UInt8(ascii: "-") {
                negative = true
                continue
            }
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdding) = product.addingReportingOverflow(Int64(byte &- UInt8(ascii: "0")))
            guard !overflow, !overflowAdding else { return nil }
            value = sum
        }
        return negative ? -value : value
    }
}
