import Presentation

/// What a person can set for the dashboard: keys per screen, colours by role, the sort each table starts with, saved
/// views of the creators, whether lists show the preview pane, the mouse, how finished refreshes are told, and ASCII
/// only. The standard settings, or those of the config file and the command line.
public struct DashboardSettings: Sendable, Equatable {
    public var bindings = KeyBindings.standard
    public var theme = Theme.standard
    public var requestsSort = SortOrder(RequestColumn.submitted, ascending: false)
    public var creatorsSort = SortOrder(CreatorField.refreshed, ascending: false)
    public var postsSort = SortOrder(PostColumn.date, ascending: false)
    /// Saved views of the creators, in the order `V` lists them.
    public var views: [CreatorView] = []
    /// Whether a list on a wide screen shows the preview pane.
    public var preview = true
    /// Whether clicks and the wheel work (the terminal's selection then needs Shift held).
    public var mouse = true
    /// How finished refreshes are told while nobody looks: the bell unless set otherwise.
    public var notify = NotificationStyle.bell
    /// Whether the interface draws with ASCII only (`--ascii`, or a locale that is not UTF-8).
    public var ascii = false
    /// A refresh of more creators than this asks first, saying its price.
    public var confirmAbove = 20

    public init() {}
}
