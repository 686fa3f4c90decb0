import Presentation
import RefreshAPI

/// A finished refresh shown whole: who the creator is, the figures, growth, trends
/// and top posts, scrolled line by line.
public struct CreatorPage: Sendable, Equatable {
    public private(set) var record: RefreshRecord
    /// Whether the posts' captions, hashtags and links are in ``record``. False for a page read from a large body
    /// for its first frame (``init(body:history:)``) until ``takePostText(from:)`` gets the whole record: the
    /// top posts' captions show as an ellipsis meanwhile.
    public private(set) var hasPostText: Bool
    /// The creator's earlier refreshes in the store, oldest first.
    public var history: [HistoryPoint] = []
    /// The first line shown.
    public var scroll = 0
    /// The report laid out for the current width, kept so that drawing a frame does not build it again.
    public private(set) var lines: [StyledLine] = []
    /// Whole numbers instead of short forms.
    public var exact = false { didSet { laidOutFor = nil } }
    private var laidOutFor: (width: Int, height: Int, ascii: Bool)?

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
        laidOutFor = nil
    }

    /// Lays the report out for the screen, if it is not already; a screen of 120x50 or more gets
    /// charts eight rows tall instead of sparklines.
    public mutating func layOut(width: Int, height: Int, ascii: Bool) {
        if let laidOutFor, laidOutFor.width == width, laidOutFor.height == height, laidOutFor.ascii == ascii { return }
        let chartHeight = width >= 120 && height >= 50 ? 8 : 0
        lines = CreatorReportText(
            width: width - 1, glyphs: ascii ? .ascii : .unicode, exact: exact, chartHeight: chartHeight,
            captionsPending: !hasPostText
        ).lines(for: record, history: history)
        laidOutFor = (width, height, ascii)
    }

    public static func == (lhs: CreatorPage, rhs: CreatorPage) -> Bool {
        lhs.record == rhs.record && lhs.history == rhs.history && lhs.exact == rhs.exact && lhs.scroll == rhs.scroll
            && lhs.hasPostText == rhs.hasPostText
    }
}
