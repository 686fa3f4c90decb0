/// What a person can set for the dashboard: keys per screen, colours by role, the sort
/// each table starts with, whether lists show the preview pane, and the mouse. The standard settings, or those of
/// the config file.
public struct DashboardSettings: Sendable, Equatable {
    /// A column to sort by, and which way.
    public struct Sort<Column: Sendable & Equatable>: Sendable, Equatable {
        public var column: Column
        public var ascending: Bool

        public init(_ column: Column, ascending: Bool) {
            self.column = column
            self.ascending = ascending
        }
    }

    public var bindings = KeyBindings.standard
    public var theme = Theme.standard
    public var requestsSort = Sort(DashboardState.SortColumn.submitted, ascending: false)
    public var creatorsSort = Sort(DashboardState.CreatorSortColumn.refreshed, ascending: false)
    public var postsSort = Sort(PostsView.SortColumn.date, ascending: false)
    /// Whether a list on a wide screen shows the preview pane.
    public var preview = true
    /// Whether clicks and the wheel work (the terminal's selection then needs Shift held).
    public var mouse = true
    /// How finished refreshes are told while nobody looks: the bell unless set otherwise.
    public var notify = NotificationStyle.bell

    public init() {}
}

extension DashboardState {
    /// Starts with `settings`: its keys, its sorts and its preview pane.
    public mutating func apply(_ settings: DashboardSettings) {
        bindings = settings.bindings
        theme = settings.theme
        sort = settings.requestsSort.column
        ascending = settings.requestsSort.ascending
        creatorSort = settings.creatorsSort.column
        creatorsAscending = settings.creatorsSort.ascending
        postsSort = settings.postsSort
        wantsPreview = settings.preview
        notify = settings.notify
    }
}
