import RefreshAPI

/// A finished refresh shown whole: who the creator is, the figures, growth, trends
/// and top posts, scrolled line by line.
public struct CreatorPage: Sendable, Equatable {
    public var record: RefreshRecord
    /// The first line shown.
    public var scroll = 0
    /// Whether leaving the page quits (when the dashboard was opened on a file).
    public var isOnlyPage = false
    /// The posts table, when it is open over the report.
    public var posts: PostsView?

    public init(record: RefreshRecord, isOnlyPage: Bool = false) {
        self.record = record
        self.isOnlyPage = isOnlyPage
    }
}
