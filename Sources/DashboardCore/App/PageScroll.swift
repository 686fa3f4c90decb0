import TextGrid

/// Where a page of lines (a creator page, a comparison) is scrolled to: the first line shown, moved by a line, a
/// page, to the top or the bottom, or by the wheel, and held, through one rule, between the top and the last start
/// that still fills the rows shown, however many lines the view lays out.
public struct PageScroll: Sendable, Equatable {
    /// The first line shown.
    public private(set) var first = 0

    public init() {}

    /// `first` held between the top and the last start that still fills `visible` rows with `lines` lines.
    static func clamped(_ first: Int, lines: Int, visible: Int) -> Int {
        min(max(0, first), max(0, lines - max(1, visible)))
    }

    /// The moves through the page, when its `lines` do not all fit in `visible` rows.
    static func offers(lines: Int, visible: Int) -> [Offer] {
        lines > visible ? Offer.lineMoves : []
    }

    /// Moves by a line, a page, to the top or the bottom; false for any other command.
    mutating func run(_ command: Command, lines: Int, visible: Int) -> Bool {
        let moved =
            switch command {
            case .moveDown: first + 1
            case .moveUp: first - 1
            case .pageDown: first + visible
            case .pageUp: first - visible
            case .first: 0
            case .last: Int.max / 2
            default: Int?.none
            }
        guard let moved else { return false }
        first = Self.clamped(moved, lines: lines, visible: visible)
        return true
    }

    /// A turn of the wheel scrolls a few lines.
    mutating func point(_ mouse: MouseInput, lines: Int, visible: Int) {
        let step = mouse.action == .wheelUp ? -MouseInput.wheelStep : mouse.action == .wheelDown ? MouseInput.wheelStep : 0
        first = Self.clamped(first + step, lines: lines, visible: visible)
    }

    /// Held again for a page whose lines or rows changed (a resize, exact numbers).
    mutating func clamp(lines: Int, visible: Int) {
        first = Self.clamped(first, lines: lines, visible: visible)
    }

    /// The first line to draw of `lines` in `visible` rows.
    func start(lines: Int, visible: Int) -> Int {
        Self.clamped(first, lines: lines, visible: visible)
    }

    /// "  lines 3-22 of 80" when the lines do not all fit, else nothing.
    func position(lines: Int, visible: Int) -> String {
        let start = start(lines: lines, visible: visible)
        return lines > visible ? "  lines \(start + 1)-\(min(lines, start + visible)) of \(lines)" : ""
    }
}

/// A screen of lines under a title bar (a creator page, a comparison): the wheel scrolls it, and a resize holds its
/// scroll to the lines it lays out at the new size.
protocol ScrolledPage: Component {
    var scroll: PageScroll { get set }

    /// How many lines the view lays out at the size of `shared`.
    func lineCount(_ shared: Shared) -> Int
}

extension ScrolledPage {
    /// The rows the lines take: all but the title bar and the status bar.
    static func visible(_ shared: Shared) -> Int { max(0, shared.height - 2) }

    public mutating func point(_ mouse: MouseInput, in area: Rect, _ shared: inout Shared) -> Outcome {
        scroll.point(mouse, lines: lineCount(shared), visible: Self.visible(shared))
        return .nothing
    }

    /// Holds the scroll to the lines laid out now.
    mutating func clampScroll(_ shared: Shared) {
        scroll.clamp(lines: lineCount(shared), visible: Self.visible(shared))
    }
}
