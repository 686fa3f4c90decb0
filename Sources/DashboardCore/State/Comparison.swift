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

/// Two to four creators side by side, a page of them at a time when the screen is too narrow for all. Laid out when
/// drawn, for the width drawn at, and kept until the width or the page changes.
public struct Comparison: Sendable, Equatable {
    public let creators: [ComparedCreator]
    /// The first creator shown.
    public private(set) var first = 0
    private let layout = LayoutMemo<LayoutKey, [StyledLine]>()

    private struct LayoutKey: Equatable, Sendable {
        let width: Int, ascii: Bool, first: Int, pagingKeys: String
    }

    public init(creators: [ComparedCreator]) {
        self.creators = creators
    }

    /// How many creators fit side by side in `width` columns.
    public func perPage(width: Int) -> Int {
        ComparisonText.perPage(width: width, count: creators.count)
    }

    /// The first creator shown at `width`: held so that a page is full.
    public func first(width: Int) -> Int {
        min(max(0, first), max(0, creators.count - perPage(width: width)))
    }

    /// Shows the next page of creators, or the first after the last.
    public mutating func showNext(width: Int) {
        let start = first(width: width) + perPage(width: width)
        first = start >= creators.count ? 0 : start
    }

    /// Shows the page before, or the last one before the first.
    public mutating func showPrevious(width: Int) {
        let start = first(width: width)
        first = start == 0 ? creators.count - 1 : max(0, start - perPage(width: width))
    }

    /// The comparison laid out `width` columns wide; `pagingKeys` are the keys that show the other creators.
    public func lines(width: Int, ascii: Bool, pagingKeys: String) -> [StyledLine] {
        let start = first(width: width)
        return layout.value(for: LayoutKey(width: width, ascii: ascii, first: start, pagingKeys: pagingKeys)) {
            ComparisonText(width: width - 1, glyphs: ascii ? .ascii : .unicode, pagingKeys: pagingKeys)
                .lines(creators, first: start, count: perPage(width: width))
        }
    }

    public static func == (lhs: Comparison, rhs: Comparison) -> Bool {
        lhs.creators == rhs.creators && lhs.first == rhs.first
    }
}
