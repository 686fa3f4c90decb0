import TextGrid

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

    /// The line cut to `width` columns, ending in `ellipsis` when something other than trailing spaces was cut.
    public func truncated(to width: Int, ellipsis: String) -> StyledLine {
        var visible = Substring(description)
        while visible.last == " " { visible.removeLast() }
        guard DisplayWidth.of(visible) > width else { return self }
        let room = max(0, width - DisplayWidth.of(ellipsis))
        var cut = StyledLine()
        var used = 0
        for run in runs {
            let fitted = ColumnFit.truncate(run.text, to: room - used, ellipsis: "")
            cut.append(fitted, role: run.role)
            used += DisplayWidth.of(fitted)
            if fitted.count < run.text.count { break }
        }
        cut.append(ellipsis, role: cut.runs.last?.role ?? .plain)
        return cut
    }
}
