/// Any JSON value, kept as it came, for parts of a response whose shape is unknown
/// (`reach_and_engagement_details`).
public enum JSONValue: Hashable, Sendable, Encodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Reads any value as it is; a number a `Double` cannot hold is an error.
    static func read(_ reader: inout JSONReader) throws(ResponseUnreadable) -> JSONValue {
        switch try reader.kind() {
        case .null:
            _ = try reader.readNull()
            return .null
        case .bool:
            return .bool(try reader.readBool())
        case .string:
            return .string(try reader.readString())
        case .number:
            let start = reader.offset
            guard let value = try reader.readNumber().double else {
                throw reader.problem(JSONReader.outOfRange, at: start)
            }
            return .number(value)
        case .array:
            var values: [JSONValue] = []
            try reader.readArray { reader, _ throws(ResponseUnreadable) in values.append(try JSONValue.read(&reader)) }
            return .array(values)
        case .object:
            var values: [String: JSONValue] = [:]
            try reader.readObject { reader, key throws(ResponseUnreadable) in values[key.text] = try JSONValue.read(&reader) }
            return .object(values)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .number(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .array(let values):
            var list = encoder.unkeyedContainer()
            for value in values { try list.encode(value) }
        case .object(let values):
            var object = encoder.container(keyedBy: AnyCodingKey.self)
            for (key, value) in values { try object.encode(value, forKey: AnyCodingKey(key)) }
        }
    }

    /// Whether the value holds nothing worth showing (null, or an empty object or list).
    public var isEmpty: Bool {
        switch self {
        case .null: true
        case .array(let values): values.isEmpty
        case .object(let values): values.isEmpty
        default: false
        }
    }

    /// The value flattened to key paths and short texts, sorted by key, for display
    /// as key/value rows (`audience.age.18-24: 0.31`).
    public func flattened(prefix: String = "") -> [(key: String, value: String)] {
        switch self {
        case .object(let values):
            return values.keys.sorted().flatMap { key in
                values[key]!.flattened(prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
            }
        case .array(let values):
            if values.allSatisfy({ if case .object = $0 { false } else if case .array = $0 { false } else { true } }) {
                return [(prefix, values.map(\.scalarText).joined(separator: ", "))]
            }
            return values.enumerated().flatMap { index, value in value.flattened(prefix: "\(prefix)[\(index)]") }
        default:
            return [(prefix, scalarText)]
        }
    }

    private var scalarText: String {
        switch self {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .number(let number):
            number == number.rounded() && number.magnitude < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): text
        case .array, .object: "…"
        }
    }
}
