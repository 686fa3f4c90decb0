import RefreshAPI

/// A screen of the dashboard. The dashboard shows the last of a stack of them
/// (``DashboardState/screens``): each one was opened from the one before, and Esc
/// closes it.
public enum Screen: Sendable, Equatable {
    /// The list of requests or of creators, switched with Tab.
    case list(DashboardState.Tab)
    /// A creator page: the report of a finished refresh.
    case creator(CreatorPage)
    /// The posts of the creator page under it, as a table.
    case posts(PostsView)
    /// One post, whole.
    case post(Post)
    /// A roster's creators, as a list.
    case roster(RosterScreen)
    /// Creators side by side.
    case compare(Comparison)

    /// Whether this is one of the lists (Requests, Creators).
    public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// The screens that show a finished refresh: its creator page, and for a refresh of
    /// one post that post over the posts table, so that Esc goes back through them.
    public static func opening(_ page: CreatorPage) -> [Screen] {
        let record = page.record
        guard record.request?.target?.type.isSinglePost == true, let posts = record.response?.posts, let post = posts.all.first
        else { return [.creator(page)] }
        return [.creator(page), .posts(PostsView(posts: posts)), .post(post)]
    }
}
