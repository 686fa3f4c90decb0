/// The server's identifier of a refresh request. Opaque: samples show 24 hex
/// characters, but any non-empty text is accepted, and numbers are read as text.
public struct RequestID: Hashable, Sendable, Encodable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// An id as a person typed or pasted it: trimmed, and the server's 24 hexadecimal digits in lower case,
    /// as the server writes them, so that `65B87C…` names the same request as `65b87c…`.
    public init(typed text: String) {
        let trimmed = text.trimmingWhitespace()
        let isServerForm = trimmed.count == 24 && trimmed.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit)
        self.init(isServerForm ? trimmed.lowercased() : trimmed)
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: RequestID, rhs: RequestID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether the text can be used in a request path: non-empty, at most 128
    /// characters, letters, digits, `-` and `_` only.
    public var isWellFormed: Bool {
        !rawValue.isEmpty && rawValue.count <= 128
            && rawValue.unicodeScalars.allSatisfy(TargetRules.isURLSafeScalar)
    }
}
