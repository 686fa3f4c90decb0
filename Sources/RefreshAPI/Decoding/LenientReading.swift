import Foundation

extension JSONReader {
    /// Why a number is refused when a `Double` cannot hold it (`1e400`, `1e-400`), as Foundation refuses it.
    static let outOfRange = "a number too large or too small for a Double (one holds about 1e-308 to 1e308)"
}

/// The API's loose types, read straight from the tokens: numbers as numeric strings, ids as numbers, flags as
/// 0/1 or words, a single string for a list. `null` reads as absent. A value of a kind that cannot be read as
/// asked is an error naming where it is.
extension JSONReader {
    /// Text; a number or true/false is written as text (ids are sometimes numbers).
    mutating func lenientString() throws(ResponseUnreadable) -> String? {
        switch try kind() {
        case .null:
            _ = try readNull()
            return nil
        case .string:
            return try readString()
        case .bool:
            return String(try readBool())
        case .number:
            let start = offset
            let number = try readNumber()
            if let integer = number.integer { return String(integer) }
            guard let value = number.double else { throw problem(JSONReader.outOfRange, at: start) }
            return String(value)
        case .object, .array:
            throw problem("expected a string or a number")
        }
    }

    /// Text read as ``lenientString()`` reads it, with the same errors; without `keeping`, it is only checked,
    /// and text that is there comes back empty (nil stays nil), so that nothing is made.
    mutating func lenientText(keeping: Bool) throws(ResponseUnreadable) -> String? {
        if keeping { return try lenientString() }
        guard try kind() == .string else { return try lenientString().map { _ in "" } }
        try readText { _ in }
        return ""
    }

    /// Text that must be there (a request id): null is an error too.
    mutating func requiredLenientString() throws(ResponseUnreadable) -> String {
        guard let text = try lenientString() else { throw problem("expected a string or a number, found null") }
        return text
    }

    /// A scalar as text, or nil for anything else (skipped): for the echo of a request, which is never refused.
    mutating func scalarText() throws(ResponseUnreadable) -> String? {
        switch try kind() {
        case .string:
            // Text that cannot be read (a control character in it) is left out too.
            guard case .success(let text) = try deferred({ reader throws(ResponseUnreadable) in try reader.readString() })
            else { return nil }
            return text
        case .bool, .null:
            return try lenientString()
        case .number:
            // A number that is not one (`1e`), or out of range, is left out too.
            guard case .success(let number?) = try deferred({ reader throws(ResponseUnreadable) in try reader.readNumber() })
            else { return nil }
            return number.integer.map { String($0) } ?? number.double.map { String($0) }
        case .object, .array:
            try skipValue()
            return nil
        }
    }

    /// A number, or a numeric string ("10,001", " 2.5 ").
    mutating func lenientDouble() throws(ResponseUnreadable) -> Double? {
        let start = offset
        switch try kind() {
        case .null:
            _ = try readNull()
            return nil
        case .number:
            guard let value = try readNumber().double else { throw problem(JSONReader.outOfRange, at: start) }
            return value
        case .string:
            if let value = NumericText.parse(try readString()) { return value }
        case .object, .array, .bool:
            break
        }
        throw problem("expected a number or a numeric string", at: start)
    }

    /// A count: a whole number as it is, any other number rounded; one past ``countBound`` (a server's mistake:
    /// no creator has a quadrillion followers) is held at the bound, shown as out of range rather than left out,
    /// and small enough that sums and differences of counts never overflow.
    mutating func lenientCount() throws(ResponseUnreadable) -> Int? {
        if try kind() == .number {
            let start = offset
            let number = try readNumber()
            if let integer = number.integer { return Self.count(Double(integer)) }
            guard let value = number.double else { throw problem(JSONReader.outOfRange, at: start) }
            return Self.count(value)
        }
        return try lenientDouble().map(Self.count)
    }

    /// The largest count kept as it is: 10^15.
    static let countBound = 1_000_000_000_000_000

    private static func count(_ value: Double) -> Int {
        value.magnitude < Double(countBound) ? Int(value.rounded()) : value < 0 ? -countBound : countBound
    }

    /// A flag: true/false, a number (not zero is true), or "true", "yes", "1", "false", "no", "0".
    mutating func lenientBool() throws(ResponseUnreadable) -> Bool? {
        let start = offset
        switch try kind() {
        case .null:
            _ = try readNull()
            return nil
        case .bool:
            return try readBool()
        case .number:
            if let value = try readNumber().double { return value != 0 }
        case .string:
            let words = ["true": true, "yes": true, "1": true, "false": false, "no": false, "0": false]
            if let flag = words[try readString().trimmingWhitespace().lowercased()] { return flag }
        case .object, .array:
            break
        }
        throw problem("expected true or false", at: start)
    }

    /// A list of texts; a single text stands for a list of one, nulls in a list are left out. Without `keeping`,
    /// the texts are only checked (``lenientText(keeping:)``), with the same errors, and none comes back.
    mutating func lenientStrings(keeping: Bool = true) throws(ResponseUnreadable) -> [String] {
        switch try kind() {
        case .array:
            var values: [String] = []
            if keeping { values.reserveCapacity(4) }  // one allocation for the usual few hashtags or links
            try readArray { reader, _ throws(ResponseUnreadable) in
                if let value = try reader.lenientText(keeping: keeping), keeping { values.append(value) }
            }
            return values
        default:
            guard let single = try lenientText(keeping: keeping), !single.isEmpty else { return [] }
            return [single]
        }
    }

    /// A `YYYY-MM-DD` day, as ``CalendarDate/init(parsing:)`` reads it; absent when it cannot be read.
    mutating func lenientCalendarDate() throws(ResponseUnreadable) -> CalendarDate? {
        guard try kind() == .string else { return try lenientString().flatMap { CalendarDate(parsing: $0) } }
        return try readText { CalendarDate(utf8: $0) }
    }

    /// A date as HTTP sends it; absent when it cannot be read.
    mutating func lenientDate() throws(ResponseUnreadable) -> Date? {
        try lenientString().flatMap(HTTPDate.parse)
    }

    /// Reads a value only if it comes (null is absent), with `read`.
    mutating func optional<Value>(_ read: (inout JSONReader) throws(ResponseUnreadable) -> Value)
        throws(ResponseUnreadable) -> Value?
    {
        if try readNull() { return nil }
        return try read(&self)
    }
}

/// Reading a numeric string as the API writes them.
enum NumericText {
    /// "10,001" or " 2.5 " as a number; nil for anything else (and for infinities).
    static func parse(_ text: String) -> Double? {
        var cleaned = text.trimmingWhitespace()
        if cleaned.utf8.contains(UInt8(ascii: ",")) { cleaned.removeAll { $0 == "," } }
        guard !cleaned.isEmpty, let number = Double(cleaned), number.isFinite else { return nil }
        return number
    }
}
