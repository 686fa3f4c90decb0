/// What a run of text means, for whoever colours it.
public enum TextRole: Sendable, Hashable {
    case plain
    case heading
    case label
    case dim
    case positive
    case negative
    case warning
}

/// A line of text made of runs, each with a role.
public struct StyledLine: Sendable, Hashable, CustomStringConvertible {
    /// A piece of the line with one role.
    public struct Run: Sendable, Hashable {
        public let text: String
        public let role: TextRole
    }

    public private(set) var runs: [Run] = []

    public init() {}

    public init(_ text: String, role: TextRole = .plain) {
        append(text, role: role)
    }

    public mutating func append(_ text: String, role: TextRole = .plain) {
        guard !text.isEmpty else { return }
        runs.append(Run(text: text, role: role))
    }

    /// The text without roles.
    public var description: String { runs.map(\.text).joined() }
}
