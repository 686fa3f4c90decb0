/// Any JSON value, kept as it came, for parts of a response whose shape is unknown
/// (`reach_and_engagement_details`).
public enum JSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var values: [String: JSONValue] = [:]
            for key in object.allKeys {
                values[key.stringValue] = try object.decode(JSONValue.self, forKey: key)
            }
            self = .object(values)
            return
        }
        if var list = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !list.isAtEnd { values.append(try list.decode(JSONValue.self)) }
            self = .array(values)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? single.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try single.decode(String.self))
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
