import Foundation
import Presentation
import RefreshAPI

/// One creator of a comparison: its latest refresh and what is worked out from it once.
public struct ComparedCreator: Sendable, Equatable {
    public var row: CreatorRow
    public var overview: ProfileOverview?
    public var trends: GrowthTrends?
    public var activity: PostingActivity?

    /// The creator as compared, from its latest refresh (the posts are read once, here, and not kept).
    public init(row: CreatorRow, record: RefreshRecord) {
        self.row = row
        overview = record.response?.profileOverview
        trends = record.response?.growthTrends
        activity = record.response?.posts.map { PostingActivity(posts: $0, trends: record.response?.growthTrends) }
    }

    /// How the creator is named in a column: @handle, else the name or key.
    public var label: String {
        if let handle = row.handle ?? overview?.handle { return row.platform == .instagram ? "@" + handle : handle }
        return row.name ?? row.key
    }
}

/// Two to four creators side by side, paged when the screen is too narrow for all.
public struct Comparison: Sendable, Equatable {
    public var creators: [ComparedCreator]
    /// The first creator shown.
    public var first = 0
    /// The first line shown.
    public var scroll = 0
    /// The lines laid out for the current size, kept so that drawing a frame does not build them again.
    public private(set) var lines: [StyledLine] = []
    /// How many creators fit side by side at the current width.
    public private(set) var perPage = 1
    private var laidOutFor: (width: Int, ascii: Bool, first: Int)?

    public init(creators: [ComparedCreator]) {
        self.creators = creators
    }

    /// Lays the comparison out for `width` columns, if it is not already.
    public mutating func layOut(width: Int, ascii: Bool) {
        perPage = ComparisonText.perPage(width: width, count: creators.count)
        first = min(max(0, first), max(0, creators.count - perPage))
        if let laidOutFor, laidOutFor.width == width, laidOutFor.ascii == ascii, laidOutFor.first == first { return }
        lines = ComparisonText(width: width - 1, glyphs: ascii ? .ascii : .unicode).lines(creators, first: first, count: perPage)
        laidOutFor = (width, ascii, first)
    }

    public static func == (lhs: Comparison, rhs: Comparison) -> Bool {
        lhs.creators == rhs.creators && lhs.first == rhs.first && lhs.scroll == rhs.scroll
    }
}
