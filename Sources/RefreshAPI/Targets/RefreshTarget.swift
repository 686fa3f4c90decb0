/// What a refresh is about: a request type and its one parameter value, validated.
public struct RefreshTarget: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind of refresh.
    public let type: RequestType
    /// The parameter value, normalised (a handle without its `@`, lower-cased).
    public let value: String

    /// Validates `value` for `type`. A leading `@` on a handle is dropped and
    /// surrounding whitespace is ignored.
    public init(type: RequestType, value: String) throws(TargetValidationError) {
        self.type = type
        self.value = try TargetRules.normalise(value, for: type)
    }

    /// Builds a target without validation, for values that came back from the
    /// server or the store and must be shown as they are.
    public init(uncheckedType type: RequestType, value: String) {
        self.type = type
        self.value = value
    }

    /// Reads what a person typed or pasted: an Instagram or YouTube URL, or an
    /// `@handle`. Anything else is ambiguous and needs an explicit type.
    public init(parsing input: String) throws(TargetValidationError) {
        let trimmed = input.trimmingWhitespace()
        if let fromURL = try PastedURL.target(from: trimmed) {
            self = fromURL
        } else if trimmed.hasPrefix("@") {
            try self.init(type: .instagram, value: trimmed)
        } else {
            throw TargetValidationError(
                "'\(trimmed)' is not a URL; give the type too, e.g. 'instagram \(trimmed)' "
                    + "(types: \(RequestType.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
    }

    /// The JSON object sent as the POST body.
    public var requestBody: [String: String] {
        ["request_type": type.rawValue, type.parameterName: value]
    }

    public var description: String { "\(type.rawValue) \(value)" }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
