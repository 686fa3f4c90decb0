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
        let types = RequestType.allCases.map(\.rawValue).joined(separator: ", ")
        guard !trimmed.isEmpty else {
            throw TargetValidationError("give an @handle, an Instagram or YouTube address, or a type and its value")
        }
        if let type = RequestType(rawValue: trimmed.lowercased()) {
            throw TargetValidationError(
                "'\(trimmed)' is a type; give its \(type.parameterName) after it, e.g. '\(type.rawValue) \(type.example)'")
        }
        if let fromURL = try PastedURL.target(from: trimmed) {
            self = fromURL
        } else if trimmed.hasPrefix("@") {
            try self.init(type: .instagram, value: trimmed)
        } else if PastedURL.looksLikeAnAddress(trimmed) {
            throw TargetValidationError(
                "'\(trimmed)' is not an Instagram or YouTube address; accepted: \(PastedURL.acceptedForms)")
        } else {
            throw TargetValidationError("'\(trimmed)' needs a type: give the type too, e.g. 'instagram \(trimmed)' (types: \(types))")
        }
    }

    /// Reads a type and a value, where the value may also be an address of that type (`instagram
    /// https://instagram.com/NAME`). An address of another type is refused with the type it has.
    public init(type: RequestType, typedValue: String) throws(TargetValidationError) {
        let trimmed = typedValue.trimmingWhitespace()
        guard PastedURL.looksLikeAnAddress(trimmed) else {
            try self.init(type: type, value: trimmed)
            return
        }
        guard let fromURL = try PastedURL.target(from: trimmed) else {
            throw TargetValidationError(
                "'\(trimmed)' is not an Instagram or YouTube address; accepted: \(PastedURL.acceptedForms)")
        }
        guard fromURL.type == type else {
            throw TargetValidationError(
                "'\(trimmed)' is an address of type \(fromURL.type.rawValue), not \(type.rawValue); give it alone, "
                    + "without a type")
        }
        self = fromURL
    }

    /// The JSON object sent as the POST body.
    public var requestBody: [String: String] {
        ["request_type": type.rawValue, type.parameterName: value]
    }

    public var description: String { "\(type.rawValue) \(value)" }
}

extension String {
    func trimmingWhitespace() -> String {
        // Text that starts and ends with a visible ASCII character (nearly all) has nothing to trim: no
        // Character that begins or ends with one is whitespace.
        if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
