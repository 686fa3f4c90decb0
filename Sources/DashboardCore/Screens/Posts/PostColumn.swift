import Presentation
import RefreshAPI
import TextGrid

/// A post as a row of the posts table: its place among the posts of its kind, and the post.
public struct PostRow: ListRow, TextSearchable {
    public typealias Filter = TextFilter<PostRow>

    public let id: Int
    public let post: Post

    public func sortKey(_ column: PostColumn) -> SortKey {
        switch column {
        case .date: .number(post.postedDate?.daysSinceEpoch)
        case .likes: .number(post.likes)
        case .comments: .number(post.comments)
        case .views: .number(post.views)
        case .engagement: .number(post.engagement)
        case .sponsored: .number(post.sponsored ? 1 : 0)
        case .hashtags: .text(post.hashtags.joined(separator: " "))
        case .caption: .text(post.caption)
        }
    }

    /// Captions and hashtags, whatever their case.
    public func matches(_ query: String) -> Bool {
        post.caption.lowercased().contains(query) || post.hashtags.contains { $0.lowercased().contains(query) }
    }
}

/// A column of the posts table; the config file names them (`sort: posts: likes`).
public enum PostColumn: String, ListColumn, CaseIterable {
    case date, likes, comments, views, engagement, sponsored, hashtags, caption

    public var name: String { rawValue }

    public var sortsAscendingFirst: Bool { self == .hashtags || self == .caption }

    var shown: ShownColumn<PostColumn> {
        switch self {
        case .date: ShownColumn(self, "DATE", width: 10)
        case .likes: ShownColumn(self, "LIKES", width: 7, alignRight: true)
        case .comments: ShownColumn(self, "COMMENTS", width: 9, alignRight: true)
        case .views: ShownColumn(self, "VIEWS", width: 7, alignRight: true)
        case .engagement: ShownColumn(self, "ENG.", width: 7, alignRight: true)
        case .sponsored: ShownColumn(self, "AD", width: 3)
        case .hashtags: ShownColumn(self, "HASHTAGS", width: 18)
        case .caption: ShownColumn(self, "CAPTION", width: nil)
        }
    }

    func cell(_ post: Post, theme: Theme) -> TableCell {
        let count = { (value: Int?) in value.map { NumberFormat.compact(Double($0)) } ?? "" }
        return switch self {
        case .date: TableCell(text: post.postedDate?.description ?? "")
        case .likes: TableCell(text: count(post.likes))
        case .comments: TableCell(text: count(post.comments))
        case .views: TableCell(text: count(post.views))
        case .engagement: TableCell(text: post.engagement.map { NumberFormat.percent($0) } ?? "")
        case .sponsored: TableCell(text: post.sponsored ? "ad" : "", style: theme[.warning])
        case .hashtags: TableCell(text: SafeText.sanitize(post.hashtags.joined(separator: " ")))
        case .caption: TableCell(text: SafeText.sanitize(post.caption))
        }
    }
}
