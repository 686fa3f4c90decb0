import RefreshAPI

/// The posts of a creator page as a table: one kind at a time, sorted, filtered.
public struct PostsView: Sendable, Equatable {
    /// A column the posts can be sorted by.
    public enum SortColumn: String, Sendable, CaseIterable {
        case date, likes, comments, views, engagement
    }

    public var showsVideos: Bool { didSet { reorder() } }
    public var sort = SortColumn.date { didSet { reorder() } }
    public var ascending = false { didSet { reorder() } }
    /// The filter as typed, with its cursor.
    public var filterField = LineEditor() {
        didSet { if filterField.text != oldValue.text { reorder() } }
    }
    /// Matches captions and hashtags, case-insensitively.
    public var filter: String {
        get { filterField.text }
        set { filterField = LineEditor(newValue) }
    }
    public var isEditingFilter = false
    public var sponsoredOnly = false { didSet { reorder() } }
    /// The posts shown, in order, as indices into the posts of the shown kind; kept up to date so
    /// that drawing a frame never sorts.
    public private(set) var order: [Int] = []
    private let posts: Posts
    public var selection = 0
    public var scroll = 0

    public init(posts: Posts) {
        self.posts = posts
        showsVideos = !posts.video.isEmpty || posts.nonVideo.isEmpty
        reorder()
    }

    public static func == (lhs: PostsView, rhs: PostsView) -> Bool {
        lhs.showsVideos == rhs.showsVideos && lhs.sort == rhs.sort && lhs.ascending == rhs.ascending
            && lhs.filterField == rhs.filterField && lhs.isEditingFilter == rhs.isEditingFilter
            && lhs.sponsoredOnly == rhs.sponsoredOnly && lhs.selection == rhs.selection && lhs.scroll == rhs.scroll
            && lhs.order == rhs.order
    }

    /// The posts of the shown kind.
    public var shown: [Post] { showsVideos ? posts.video : posts.nonVideo }

    /// The posts of each kind, for the tabs of the title bar.
    public var counts: (videos: Int, others: Int) { (posts.video.count, posts.nonVideo.count) }

    /// The post selected, if any is shown.
    public var selectedPost: Post? {
        order.indices.contains(selection) ? shown[order[selection]] : nil
    }

    /// The posts shown, in order.
    public func rows(of posts: Posts) -> [Post] {
        let all = shown
        return order.map { all[$0] }
    }

    /// Filters and sorts the shown kind again.
    private mutating func reorder() {
        let all = shown
        let query = filter.lowercased()
        var indices = Array(all.indices)
        if sponsoredOnly { indices = indices.filter { all[$0].sponsored } }
        if !query.isEmpty {
            indices = indices.filter { index in
                all[index].caption.lowercased().contains(query) || all[index].hashtags.contains { $0.lowercased().contains(query) }
            }
        }
        let sort = self.sort
        func key(_ post: Post) -> Double {
            switch sort {
            case .date: Double(post.postedDate?.daysSinceEpoch ?? Int.min)
            case .likes: Double(post.likes ?? -1)
            case .comments: Double(post.comments ?? -1)
            case .views: Double(post.views ?? -1)
            case .engagement: post.engagement ?? -1
            }
        }
        let keys = all.map(key)
        let ascending = self.ascending
        indices.sort { ascending ? keys[$0] < keys[$1] : keys[$0] > keys[$1] }
        order = indices
    }
}
