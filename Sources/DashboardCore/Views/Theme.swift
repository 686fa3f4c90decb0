import TextGrid

/// What a piece of the interface is, for its colours: the config file names these.
public enum ThemeRole: String, Sendable, CaseIterable {
    case title, tab, activeTab, tableHeader, selected, dim, statusBar, notice, problem, box, live, paused
    case label, link, positive, negative, warning
    case succeeded, failed, pending, stale, unknown
}

/// The styles of the interface, by role: the standard ones (the terminal's own colours,
/// the eight basic ones and attributes) or those of the config file.
public struct Theme: Sendable, Equatable {
    private var styles: [ThemeRole: Style]

    public static let standard = Theme(styles: [
        .title: Style(bold: true), .tab: Style(dim: true), .activeTab: Style(bold: true, reverse: true),
        .tableHeader: Style(foreground: .cyan, bold: true), .selected: Style(reverse: true), .dim: Style(dim: true),
        .statusBar: Style(reverse: true), .notice: Style(reverse: true), .problem: Style(foreground: .red, reverse: true),
        .box: Style(foreground: .cyan), .live: Style(foreground: .green), .paused: Style(foreground: .yellow, bold: true),
        .label: Style(foreground: .cyan), .link: Style(foreground: .blue), .positive: Style(foreground: .green),
        .negative: Style(foreground: .red), .warning: Style(foreground: .yellow), .succeeded: Style(foreground: .green),
        .failed: Style(foreground: .red), .pending: Style(foreground: .yellow), .stale: Style(foreground: .magenta),
        .unknown: Style(foreground: .yellow, bold: true),
    ])

    public subscript(role: ThemeRole) -> Style {
        get { styles[role] ?? .plain }
        set { styles[role] = newValue }
    }

    /// The style of a request's state.
    func phase(_ phase: RequestRow.Phase) -> Style {
        switch phase {
        case .succeeded: self[.succeeded]
        case .failed: self[.failed]
        case .pending, .submitting: self[.pending]
        case .stale: self[.stale]
        case .unknown: self[.unknown]
        }
    }
}
