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

    /// The deepest nesting of objects and lists read.
    static let maximumDepth = 512

    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0
    private var depth = 0
    /// The keys of the objects being read, innermost last, to tell a repeated key; kept from object to object
    /// so that reading one allocates nothing.
    private var openKeys: [JSONKey] = []

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
    }

    // MARK: Errors

    /// An error about the value being read (or the one at `position`). Its path is found from its offset when it
    /// leaves the reader (``RefreshRecordDecoder/decode(_:parts:)``), not here: an error that is caught and set
    /// aside (an alternative key's, which counts only if the documented key is absent) then costs nothing, where
    /// walking the body to it each time made a body of many such posts take time quadratic in its size.
    func problem(_ reason: String, at position: Int? = nil) -> ResponseUnreadable {
        ResponseUnreadable(path: "", reason: reason, offset: position ?? offset)
    }

    /// An error in the JSON itself; its path too is found when it leaves the reader.
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
    @inline(__always)
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
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "n") else { return false }
        try expectWord("null")
        return true
    }

    /// An object being read member by member, from ``beginObject()``.
    struct ObjectReading {
        fileprivate let othersStart: Int
        fileprivate var hasMembers = false
        /// The keys read so far, to tell a repeated key: the first one here, the others (of objects with more
        /// than one key) on a stack shared by the objects being read, so that most objects allocate nothing.
        fileprivate var firstKey: JSONKey?
        /// One bit per fingerprint of the keys read so far (worked out from the second key on): a key whose bit
        /// is clear cannot be a repeat.
        fileprivate var fingerprints: UInt64 = 0
        /// The fields of a model read so far, one bit each, for ``nextField(in:of:)``.
        fileprivate var fieldsRead: UInt64 = 0
    }

    /// A list being read element by element, from ``beginList()``.
    struct ListReading {
        fileprivate var hasElements = false
        /// The index of the element the reader is at.
        fileprivate(set) var index = -1
    }

    /// Starts reading an object: `var object = try reader.beginObject()`, then
    /// `while let key = try reader.nextKey(in: &object) { … }` reads or skips each value.
    mutating func beginObject() throws(ResponseUnreadable) -> ObjectReading {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "{") else {
            throw problem("expected an object, found \(try describeNext())")
        }
        try enter()
        offset += 1
        return ObjectReading(othersStart: openKeys.count)
    }

    /// The next key of an object whose keys are data (dates, names), the reader placed at its value, which the
    /// caller reads or skips; nil at the object's end. A key that comes again is skipped: the first one counts, as
    /// with Foundation's decoder.
    mutating func nextKey(in object: inout ObjectReading) throws(ResponseUnreadable) -> JSONKey? {
        while let key = try nextMember(in: &object) {
            guard let first = object.firstKey else {
                object.firstKey = key
                return key
            }
            if object.fingerprints == 0 { object.fingerprints = first.fingerprintBit }
            let bit = key.fingerprintBit
            if object.fingerprints & bit != 0, isRepeat(key, first: first, othersFrom: object.othersStart) {
                try skipValue()
                continue
            }
            object.fingerprints |= bit
            openKeys.append(key)
            return key
        }
        return nil
    }

    /// The next field a model reads of an object, the reader placed at its value, which the caller reads; nil at
    /// the object's end. Keys the model does not read are skipped, and so is a field that comes again: the first
    /// one counts, as with Foundation's decoder.
    @inline(__always)
    mutating func nextField<Field>(in object: inout ObjectReading, of known: JSONFields<Field>)
        throws(ResponseUnreadable) -> Field?
    {
        while let key = try nextMember(in: &object) {
            guard let place = known.place(of: key), object.fieldsRead & (1 << place) == 0 else {
                try skipValue()
                continue
            }
            object.fieldsRead |= 1 << place
            return known.fields[place]
        }
        return nil
    }

    /// The next key of an object, repeated or not, the reader placed at its value; nil at the object's end. For
    /// an object of which only the first value counts.
    @inline(__always)
    mutating func nextMember(in object: inout ObjectReading) throws(ResponseUnreadable) -> JSONKey? {
        skipWhitespace()
        guard offset < bytes.count else { throw unexpected() }
        var byte = bytes[offset]
        if byte == UInt8(ascii: "}") { return end(object) }
        if object.hasMembers {
            guard byte == UInt8(ascii: ",") else { throw unexpected() }
            offset += 1
            skipWhitespace()
            guard offset < bytes.count else { throw unexpected() }
            byte = bytes[offset]
            // A trailing comma, as Foundation's parser accepts.
            if byte == UInt8(ascii: "}") { return end(object) }
        }
        object.hasMembers = true
        guard byte == UInt8(ascii: "\"") else { throw unexpected() }
        let key = try readKey()
        skipWhitespace()
        guard consume(UInt8(ascii: ":")) else { throw unexpected() }
        return key
    }

    /// Past an object's closing brace.
    private mutating func end(_ object: ObjectReading) -> JSONKey? {
        offset += 1
        if openKeys.count > object.othersStart { openKeys.removeSubrange(object.othersStart...) }
        leave()
        return nil
    }

    /// Starts reading a list: `var list = try reader.beginList()`, then
    /// `while try reader.nextElement(in: &list) { … }` reads or skips each element.
    mutating func beginList() throws(ResponseUnreadable) -> ListReading {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "[") else {
            throw problem("expected a list, found \(try describeNext())")
        }
        try enter()
        offset += 1
        return ListReading()
    }

    /// Whether another element comes, the reader placed at it; the caller reads or skips it.
    mutating func nextElement(in list: inout ListReading) throws(ResponseUnreadable) -> Bool {
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return endList() }
        if list.hasElements {
            guard consume(UInt8(ascii: ",")) else { throw unexpected() }
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return endList() }
        }
        list.hasElements = true
        list.index += 1
        return true
    }

    private mutating func endList() -> Bool {
        leave()
        return false
    }

    /// Reads an object whose keys are data, calling `member` with each key; `member` reads or skips the value.
    mutating func readObject(_ member: (inout JSONReader, JSONKey) throws(ResponseUnreadable) -> Void)
        throws(ResponseUnreadable)
    {
        var object = try beginObject()
        while let key = try nextKey(in: &object) { try member(&self, key) }
    }

    /// Reads an object of a model, calling `field` with each field it knows, the first time it comes; `field`
    /// reads the value.
    mutating func readFields<Field>(
        of known: JSONFields<Field>, _ field: (inout JSONReader, Field) throws(ResponseUnreadable) -> Void
    ) throws(ResponseUnreadable) {
        var object = try beginObject()
        while let next = try nextField(in: &object, of: known) { try field(&self, next) }
    }

    /// Reads a list, calling `element` with each index; `element` reads or skips the value.
    mutating func readArray(_ element: (inout JSONReader, Int) throws(ResponseUnreadable) -> Void)
        throws(ResponseUnreadable)
    {
        var list = try beginList()
        while try nextElement(in: &list) { try element(&self, list.index) }
    }

    private func isRepeat(_ key: JSONKey, first: JSONKey, othersFrom start: Int) -> Bool {
        if first == key { return true }
        return openKeys[start...].contains { $0 == key }
    }

    /// Reads a key (or text read only by its bytes, ``readText(_:)``) at its opening quote: its bytes, its escapes
    /// checked.
    @inline(__always)
    private mutating func readKey() throws(ResponseUnreadable) -> JSONKey {
        offset += 1
        let start = offset
        skipPlainText()
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "\""):
                offset += 1
                return JSONKey(raw: UnsafeRawBufferPointer(rebasing: bytes[start..<(offset - 1)]), isEscaped: false)
            case UInt8(ascii: "\\"):
                // Checked now; unescaped again only if its text is asked for.
                _ = try scanEscapedString(from: start)
                return JSONKey(raw: UnsafeRawBufferPointer(rebasing: bytes[start..<(offset - 1)]), isEscaped: true)
            case 0..<0x20:
                throw syntax("a control character inside text")
            default:
                offset += 1
            }
        }
        throw syntax("text is not closed")
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
        if consume(UInt8(ascii: "}")) { return leave() }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw unexpected() }
            try skipString()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw unexpected() }
            try skipValue()
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return leave() }
            guard consume(UInt8(ascii: ",")) else { throw unexpected() }
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return leave() }
        }
    }

    /// Reads a value whose errors only count if it is needed (an alternative key, read when the documented one is
    /// absent): the error is kept in the result, the value skipped, and the JSON around it must still be valid.
    mutating func deferred<Value>(_ read: (inout JSONReader) throws(ResponseUnreadable) -> Value?)
        throws(ResponseUnreadable) -> Result<Value?, ResponseUnreadable>
    {
        let (start, startDepth, keyCount) = (offset, depth, openKeys.count)
        do {
            return .success(try read(&self))
        } catch {
            (offset, depth) = (start, startDepth)
            openKeys.removeLast(openKeys.count - keyCount)
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
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw problem("expected text, found \(try describeNext())")
        }
        return try scanString()
    }

    /// Reads text and hands its UTF-8 to `body`: the bytes as written when it has no escape (not made a `String`,
    /// nor checked to be valid UTF-8), else the unescaped text's. For text read only as a date or a number.
    mutating func readText<Value>(_ body: (UnsafeRawBufferPointer) -> Value) throws(ResponseUnreadable) -> Value {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw problem("expected text, found \(try describeNext())")
        }
        // Read as a key is: its bytes, its escapes checked, unescaped only when it has one.
        let text = try readKey()
        guard text.isEscaped else { return body(text.raw) }
        var unescaped = text.text
        return unescaped.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    /// The compact form nearly every trend entry takes, `{"2023-12-01":{"followers":1024.5}}` with no whitespace
    /// and no escape, read straight from its bytes: the date, and the number that is the first value. Nil, with
    /// nothing read, for any other form (a space, an escape, a number as text, a bad date), which the general
    /// reading of trends takes, with its errors.
    mutating func compactTrendEntry() -> (date: CalendarDate, value: Double)? {
        let start = offset
        guard depth + 2 <= Self.maximumDepth, start + 17 <= bytes.count, bytes[start] == UInt8(ascii: "{"),
            bytes[start + 1] == UInt8(ascii: "\""), bytes[start + 12] == UInt8(ascii: "\""),
            bytes[start + 13] == UInt8(ascii: ":"), bytes[start + 14] == UInt8(ascii: "{"),
            bytes[start + 15] == UInt8(ascii: "\""),
            let date = CalendarDate(utf8: UnsafeRawBufferPointer(rebasing: bytes[(start + 2)..<(start + 12)]))
        else { return nil }
        offset = start + 16
        skipPlainText()  // the inner key, whatever it is
        guard offset + 2 < bytes.count, bytes[offset] == UInt8(ascii: "\""), bytes[offset + 1] == UInt8(ascii: ":"),
            bytes[offset + 2] == UInt8(ascii: "-") || bytes[offset + 2] &- UInt8(ascii: "0") < 10
        else {
            offset = start
            return nil
        }
        offset += 2
        guard let value = (try? readNumber())?.double, offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "}"),
            bytes[offset + 1] == UInt8(ascii: "}")
        else {
            offset = start
            return nil
        }
        offset += 2
        return (date, value)
    }

    /// Reads a number token, checking its grammar, and gathers its digits on the way (see ``Number``).
    mutating func readNumber() throws(ResponseUnreadable) -> Number {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "-") || bytes[offset] &- UInt8(ascii: "0") < 10 else {
            throw problem("expected a number, found \(try describeNext())")
        }
        let start = offset
        var number = Number()
        if bytes[offset] == UInt8(ascii: "-") {
            number.isNegative = true
            offset += 1
        }
        guard offset < bytes.count else { throw syntax("a number ends too soon") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard readDigits(into: &number, inFraction: false) > 0 else { throw unexpected() }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            number.isIntegerLiteral = false
            offset += 1
            guard readDigits(into: &number, inFraction: true) > 0 else { throw unexpected() }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            number.isIntegerLiteral = false
            offset += 1
            var sign = 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                if bytes[offset] == UInt8(ascii: "-") { sign = -1 }
                offset += 1
            }
            let digitsStart = offset
            var written = 0
            while offset < bytes.count, bytes[offset] &- UInt8(ascii: "0") < 10 {
                written = min(written * 10 + Int(bytes[offset] &- UInt8(ascii: "0")), 1_000_000)
                offset += 1
            }
            guard offset > digitsStart else { throw unexpected() }
            number.exponent += sign * written
        }
        // What Foundation's scanner takes for one number token must be one number (`1e3e3` is not).
        if offset < bytes.count, Self.isNumberByte(bytes[offset]) { throw unexpected() }
        number.literal = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
        return number
    }

    /// Reads a run of digits into the number's significand; how many there were.
    @inline(__always)
    private mutating func readDigits(into number: inout Number, inFraction: Bool) -> Int {
        let start = offset
        while offset < bytes.count {
            let digit = bytes[offset] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            number.append(digit: digit, inFraction: inFraction)
            offset += 1
        }
        return offset - start
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

    @inline(__always)
    private mutating func enter() throws(ResponseUnreadable) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw syntax("nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func leave() {
        depth -= 1
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
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

    /// Skips a string at its opening quote, finding its end as Foundation's parser does: an escape covers the
    /// character after the backslash, `\u` the four after it (none of them a quote); what they are, and control
    /// characters, count only when the text is read.
    mutating func skipString() throws(ResponseUnreadable) {
        offset += 1
        skipPlainText()
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "\""):
                offset += 1
                return
            case UInt8(ascii: "\\"):
                guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                    offset = min(offset + 2, bytes.count)  // a backslash that ends the body ends the text there
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

    /// Moves past text that holds no quote, backslash or control character, eight bytes at a time, to the first
    /// byte that is one (or to the last eight bytes of the body, which the byte loops after it read).
    @inline(__always)
    private mutating func skipPlainText() {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let special = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word))
                & highs
            // The lowest flagged byte is the first special one (a borrow only reaches bytes above it).
            guard special == 0 else { return offset += special.trailingZeroBitCount / 8 }
            offset += 8
        }
    }

    /// Scans a string at its opening quote and returns it unescaped. Text with no escape is taken straight from
    /// the body, its UTF-8 checked on the way to the closing quote; invalid UTF-8 and lone surrogates become U+FFFD.
    private mutating func scanString() throws(ResponseUnreadable) -> String {
        offset += 1
        let start = offset
        var isASCII = true, isValid = true
        while true {
            skipPlainASCII()
            guard offset < bytes.count else { throw syntax("text is not closed") }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                let text = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
                offset += 1
                return isValid ? UTF8Text.string(checked: text, isASCII: isASCII) : String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                return try scanEscapedString(from: start)
            case 0..<0x20:
                throw syntax("a control character inside text")
            case 0x80...:
                isASCII = false
                let length = UTF8Text.sequenceLength(at: offset, in: bytes)
                if length == 0 { isValid = false }
                offset += max(length, 1)
            default:
                offset += 1
            }
        }
    }

    /// As ``skipPlainText()``, stopping at a byte above 0x7F too.
    @inline(__always)
    private mutating func skipPlainASCII() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let flagged = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
                | word) & UTF8Text.highBits
            guard flagged == 0 else { return offset += flagged.trailingZeroBitCount / 8 }
            offset += 8
        }
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
                return unescaped.withUnsafeBytes(UTF8Text.string)
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
