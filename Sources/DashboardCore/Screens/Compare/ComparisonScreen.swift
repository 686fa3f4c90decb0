import Presentation
import TextGrid

/// Creators side by side: every figure, growth, posting and the trends on one time axis, the best of each row in
/// colour and with a star. ← → show the other creators when the screen is too narrow for all; `e` writes the
/// comparison as CSV.
public struct ComparisonScreen: ScrolledPage {
    public private(set) var comparison: Comparison
    public internal(set) var scroll = PageScroll()

    public init(comparison: Comparison) {
        self.comparison = comparison
    }

    public var context: KeyContext { .compare }

    func lineCount(_ shared: Shared) -> Int {
        lines(width: shared.width, shared).count
    }

    private func lines(width: Int, _ shared: Shared) -> [StyledLine] {
        let pagingKeys = shared.key(.previousColumns, in: .compare) + " " + shared.key(.nextColumns, in: .compare)
        return comparison.lines(width: width, ascii: shared.settings.ascii, pagingKeys: pagingKeys)
    }

    public func offers(_ shared: Shared) -> [Offer] {
        var offers = PageScroll.offers(lines: lineCount(shared), visible: Self.visible(shared))
        if comparison.creators.count > comparison.perPage(width: shared.width) {
            offers += [Offer(.nextColumns, "the next creators", hint: "more", rank: 1), Offer(.previousColumns, "the creators before")]
        }
        offers += [
            Offer(.exportComparison, "write the comparison as CSV", hint: "export (CSV)", rank: 2),
            Offer(.help, "show this help", hint: "help", rank: 0), Offer(.back, "back", hint: "back", rank: 0),
        ]
        return offers
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        switch command {
        case .nextColumns: comparison.showNext(width: shared.width)
        case .previousColumns: comparison.showPrevious(width: shared.width)
        case .exportComparison: return Outcome([.exportComparison(comparison)])
        case .help: return .go(.show(.help(Help(context: context, offers: offers(shared)))))
        case .back: return .go(.close)
        default: _ = scroll.run(command, lines: lineCount(shared), visible: Self.visible(shared))
        }
        clampScroll(shared)
        return .nothing
    }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome {
        if event == .resized { clampScroll(shared) }
        return .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        grid.fill(area)
        let body = area.inset(top: 1)
        let lines = lines(width: area.width, shared)
        let x = grid.put(" ylytic ", in: area, x: 0, y: 0, style: shared.theme[.title])
        grid.put(
            " compare \(comparison.creators.count) creators" + scroll.position(lines: lines.count, visible: body.height), in: area,
            x: x, y: 0, style: shared.theme[.dim])
        StyledLine.draw(lines, from: scroll.start(lines: lines.count, visible: body.height), in: body, into: &grid, shared)
    }
}
