/// A key as the dashboard sees it, whatever terminal sent it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// Ctrl and a letter, e.g. `.control("c")`.
    case control(Character)
}

/// What a key does on the requests screen.
public enum Command: String, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case switchTab, filter, sort, reverseSort, newRequest, refreshAgain, toggleLive, forget, open, togglePreview, help, quit

    /// The words of the help overlay.
    public var summary: String {
        switch self {
        case .moveUp: "select the row above"
        case .moveDown: "select the row below"
        case .pageUp: "one page up"
        case .pageDown: "one page down"
        case .first: "first row"
        case .last: "last row"
        case .switchTab: "switch between Requests and Creators"
        case .filter: "filter as you type (Esc clears)"
        case .sort: "sort by the next column"
        case .reverseSort: "reverse the sort"
        case .newRequest: "new request (type or paste a URL)"
        case .refreshAgain: "refresh the selected creator again"
        case .toggleLive: "pause or resume live updates"
        case .forget: "forget the selected request"
        case .open: "open the selected request or creator"
        case .togglePreview: "show or hide the preview pane (160 columns or wider)"
        case .help: "show or hide this help"
        case .quit: "quit"
        }
    }
}

/// Which key does what: one table, so that a configuration file can remap keys later.
public struct KeyBindings: Sendable {
    public var table: [(key: Key, label: String, command: Command)]

    public static let standard = KeyBindings(table: [
        (.up, "↑", .moveUp), (.character("k"), "k", .moveUp), (.down, "↓", .moveDown), (.character("j"), "j", .moveDown),
        (.pageUp, "PgUp", .pageUp), (.pageDown, "PgDn", .pageDown), (.character("g"), "g", .first),
        (.home, "Home", .first), (.character("G"), "G", .last), (.end, "End", .last),
        (.tab, "Tab", .switchTab), (.character("/"), "/", .filter), (.character("s"), "s", .sort), (.character("S"), "S", .reverseSort),
        (.character("n"), "n", .newRequest), (.character("r"), "r", .refreshAgain), (.character("p"), "p", .toggleLive),
        (.character("d"), "d", .forget), (.enter, "Enter", .open), (.character("v"), "v", .togglePreview), (.character("?"), "?", .help),
        (.character("q"), "q", .quit), (.control("c"), "Ctrl-C", .quit),
    ])

    public func command(for key: Key) -> Command? {
        table.first { $0.key == key }?.command
    }

    /// The labels of the keys bound to `command`, e.g. "↑ k".
    public func labels(for command: Command) -> String {
        table.filter { $0.command == command }.map(\.label).joined(separator: " ")
    }
}
