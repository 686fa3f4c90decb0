import Foundation
@testable import RefreshAPI

// The lenient values of the JSONDecoder-based reading that the byte-level reader replaced, kept here as part of
// the oracle of the differential tests.

/// A number that may arrive as a JSON number or as a numeric string ("10,001", " 2.5 ").
struct LenientNumber: Decodable {
    let value: Double

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
            return
        }
        if let text = try? container.decode(String.self), let parsed = Self.parse(text) {
            value = parsed
            return
        }
        throw DecodingError.typeMismatch(
            Double.self,
            .init(codingPath: decoder.codingPath, debugDescription: "expected a number or a numeric string"))
    }

    static func parse(_ text: String) -> Double? {
        let cleaned = text.trimmingWhitespace().replacingOccurrences(of: ",", with: "")
        guard !cleaned.isEmpty, let number = Double(cleaned), number.isFinite else { return nil }
        return number
    }
}

/// A string that may arrive as a JSON string or number (ids are sometimes numbers).
struct LenientString: Decodable {
    let value: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else if let integer = try? container.decode(Int64.self) {
            value = String(integer)
        } else if let number = try? container.decode(Double.self) {
            value = String(number)
        } else if let flag = try? container.decode(Bool.self) {
            value = String(flag)
        } else {
            throw DecodingError.typeMismatch(
                String.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a string or a number"))
        }
    }
}

/// A flag that may arrive as a JSON boolean, 0/1, or "true"/"false"/"yes"/"no".
struct LenientBool: Decodable {
    let value: Bool

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            value = flag
        } else if let number = try? container.decode(Double.self) {
            value = number != 0
        } else if let text = try? container.decode(String.self),
            let parsed = ["true": true, "yes": true, "1": true, "false": false, "no": false, "0": false][
                text.trimmingWhitespace().lowercased()]
        {
            value = parsed
        } else {
            throw DecodingError.typeMismatch(
                Bool.self, .init(codingPath: decoder.codingPath, debugDescription: "expected true or false"))
        }
    }
}

/// A list of strings that tolerates a single string in place of a list, and numbers inside it.
struct LenientStringList: Decodable {
    let values: [String]

    init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var values: [String] = []
            values.reserveCapacity(list.count ?? 0)
            while !list.isAtEnd {
                if try list.decodeNil() { continue }
                values.append(try list.decode(LenientString.self).value)
            }
            self.values = values
        } else {
            let single = try LenientString(from: decoder).value
            values = single.isEmpty ? [] : [single]
        }
    }
}

extension KeyedDecodingContainer {
    // Each reader first asks for the type the API documents, straight from the
    // keyed container (the common, cheap case), and only on a mismatch falls back
    // to the lenient wrapper.

    func lenientDouble(_ key: Key) throws -> Double? {
        if let number = try? decodeIfPresent(Double.self, forKey: key) { return number }
        return try decodeIfPresent(LenientNumber.self, forKey: key)?.value
    }

    /// A count: rounded to a whole number, whatever form it came in; one past 10^15 held at ±10^15.
    func lenientCount(_ key: Key) throws -> Int? {
        let bound = 1_000_000_000_000_000
        if let integer = try? decodeIfPresent(Int.self, forKey: key) { return min(max(integer, -bound), bound) }
        guard let number = try lenientDouble(key) else { return nil }
        guard number.magnitude < Double(bound) else { return number < 0 ? -bound : bound }
        return Int(number.rounded())
    }

    func lenientString(_ key: Key) throws -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        return try decodeIfPresent(LenientString.self, forKey: key)?.value
    }

    func lenientBool(_ key: Key) throws -> Bool? {
        if let flag = try? decodeIfPresent(Bool.self, forKey: key) { return flag }
        return try decodeIfPresent(LenientBool.self, forKey: key)?.value
    }

    func lenientStrings(_ key: Key) throws -> [String] {
        if let list = try? decodeIfPresent([String].self, forKey: key) { return list }
        return try decodeIfPresent(LenientStringList.self, forKey: key)?.values ?? []
    }

    func lenientDate(_ key: Key) throws -> Date? {
        guard let text = try lenientString(key) else { return nil }
        return HTTPDate.parse(text)
    }
}
