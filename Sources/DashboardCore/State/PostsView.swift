import RefreshAPI

/// The posts of a creator page as a table: one kind at a time, sorted, filtered.
public struct PostsView: Sendable, Equatable {
    /// A column the posts can be sorted by.
    public enum SortColumn: String, Sendable, CaseIterable {
        case date, likes, comments, views, engagement
    }

    public var showsVideos: Bool
    public var sort = SortColumn.date
    public var ascending = false
    /// Matches captions and hashtags, case-insensitively.
    public var filter = ""
    public var isEditingFilter = false
    public var sponsoredOnly = false
    public var selection = 0
    public var scroll = 0
    /// The post shown whole, when one is open.
    public var openPost: Post?

    public init(posts: Posts) {
        showsVideos = !posts.video.isEmpty || posts.nonVideo.isEmpty
    }

    /// The posts shown, in order. Sorting 20,000 posts takes a few milliseconds.
    public func rows(of posts: Posts) -> [Post] {
        var rows = showsVideos ? posts.video : posts.nonVideo
        if sponsoredOnly { rows = rows.filter(\.sponsored) }
        let query = filter.lowercased()
        if !query.isEmpty {
            rows = rows.filter { post in
                post.caption.lowercased().contains(query) || post.hashtags.contains { $0.lowercased().contains(query) }
            }
        }
        let ascending = self.ascending
        func key(_ post: Post) -> Double {
            switch sort {
            case .date: Double(post.postedDate?.daysSinceEpoch ?? Int.min)
            case .likes: Double(post.likes ?? -1)
            case .comments: Double(post.comments ?? -1)
            case .views: Double(post.views ?? -1)
            case .engagement: post.engagement ?? -1
            }
        }
        let keyed = rows.map { (key($0), $0) }
        return keyed.sorted { ascending ? $0.0 < $1.0 : $0.0 > $1.0 }.map(\.1)
    }
}
