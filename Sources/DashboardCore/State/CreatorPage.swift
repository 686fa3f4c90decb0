import Presentation
import RefreshAPI

/// A finished refresh shown whole: who the creator is, the figures, growth, trends and top posts. The report is laid
/// out when it is drawn, for the size it is drawn at, and kept until the size or the content changes.
public struct CreatorPage: Sendable, Equatable {
    public private(set) var record: RefreshRecord
    /// Whether the posts' captions, hashtags and links are in ``record``. False for a page read from a large body
    /// for its first frame (``init(body:history:)``) until ``takePostText(from:)`` gets the whole record: the
    /// top posts' captions show as an ellipsis meanwhile.
    public private(set) var hasPostText: Bool
    /// The creator's earlier refreshes in the store, oldest first.
    public let history: [HistoryPoint]
    /// Whole numbers instead of short forms.
    public var exact = false
    private var layout = LayoutMemo<LayoutKey, [StyledLine]>()

    private struct LayoutKey: Equatable, Sendable {
        let width: Int, chartRoom: Int, ascii: Bool, exact: Bool
    }

    /// A page for `record`; `hasPostText` false when its posts were read without their text.
    public init(record: RefreshRecord, history: [HistoryPoint] = [], hasPostText: Bool = true) {
        self.record = record
        self.history = history
        self.hasPostText = hasPostText
    }

    /// Puts the posts' text in a page that was opened without it: `whole` is the same response read whole.
    /// A record of another request changes nothing.
    public mutating func takePostText(from whole: RefreshRecord) {
        guard !hasPostText, whole.requestID == record.requestID else { return }
        record = whole
        hasPostText = true
        layout = LayoutMemo()
    }

    /// The report laid out `width` columns wide; with `chartRoom` rows of 50 or more on a screen 120 wide or more,
    /// trends are charts eight rows tall instead of sparklines.
    public func lines(width: Int, chartRoom: Int, ascii: Bool) -> [StyledLine] {
        let key = LayoutKey(width: width, chartRoom: chartRoom, ascii: ascii, exact: exact)
        return layout.value(for: key) {
            let chartHeight = width >= 120 && chartRoom >= 50 ? 8 : 0
            return CreatorReportText(
                width: width - 1, glyphs: ascii ? .ascii : .unicode, exact: exact, chartHeight: chartHeight,
                captionsPending: !hasPostText
            ).lines(for: record, history: history)
        }
    }

    /// The handle of the creator, or the target refreshed, for titles.
    public var handle: String {
        record.response?.profileOverview?.handle ?? record.request?.target?.value ?? ""
    }

    public static func == (lhs: CreatorPage, rhs: CreatorPage) -> Bool {
        lhs.record == rhs.record && lhs.history == rhs.history && lhs.exact == rhs.exact && lhs.hasPostText == rhs.hasPostText
    }
}
