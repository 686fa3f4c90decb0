import Presentation
import TextGrid

/// Creators side by side: every figure, growth, posting and the trends on one time axis, the best of each row in
/// colour and with a star. ← → show the other creators when the screen is too narrow for all; `e` writes the
/// comparison as CSV.
public struct ComparisonScreen: Component {
    public private(set) var comparison: Comparison
    /// The first line shown.
    public private(set) var scroll = 0

    public init(comparison: Comparison) {
        self.comparison = comparison
    }

    public var context: KeyContext { .compare }

    /// The rows the comparison takes: all but the title bar and the status bar.
    static func bodyArea(_ shared: Shared) -> Rect {
        Rect(x: 0, y: 1, width: shared.width, height: max(0, shared.height - 2))
    }

    private func lineCount(_ shared: Shared) -> Int {
        comparison.lines(width: shared.width, ascii: shared.settings.ascii).count
    }

    public func offers(_ shared: Shared) -> [Offer] {
        var offers = lineCount(shared) > Self.bodyArea(shared).height ? Offer.lineMoves : []
        if comparison.creators.count > comparison.perPage(width: shared.width) {
            offers += [Offer(.nextColumns, "the next creators", hint: "more", rank: 1), Offer(.previousColumns, "the creators before")]
        }
        offers += [
            Offer(.exportComparison, "write the comparison as CSV", hint: "export (CSV)", rank: 2),
            Offer(.help, "show or hide this help", hint: "help", rank: 0), Offer(.back, "back", hint: "back", rank: 0),
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
        default: scroll = Scroll.moved(scroll, by: command, lines: lineCount(shared), visible: Self.bodyArea(shared).height)
        }
        scroll = Scroll.clamped(scroll, lines: lineCount(shared), visible: Self.bodyArea(shared).height)
        return .nothing
    }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome {
        if event == .resized { scroll = Scroll.clamped(scroll, lines: lineCount(shared), visible: Self.bodyArea(shared).height) }
        return .nothing
    }

    public mutating func point(_ mouse: MouseInput, in area: Rect, _ shared: inout Shared) -> Outcome {
        let step = mouse.action == .wheelUp ? -MouseInput.wheelStep : mouse.action == .wheelDown ? MouseInput.wheelStep : 0
        scroll = Scroll.clamped(scroll + step, lines: lineCount(shared), visible: Self.bodyArea(shared).height)
        return .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        grid.fill(area)
        let body = area.inset(top: 1)
        let lines = comparison.lines(width: area.width, ascii: shared.settings.ascii)
        let start = Scroll.clamped(scroll, lines: lines.count, visible: body.height)
        let x = grid.put(" ylytic ", in: area, x: 0, y: 0, style: shared.theme[.title])
        grid.put(
            " compare \(comparison.creators.count) creators" + Scroll.position(start, lines: lines.count, visible: body.height), in: area,
            x: x, y: 0, style: shared.theme[.dim])
        for (offset, line) in lines.dropFirst(start).prefix(body.height).enumerated() {
            var x = 1
            for run in line.truncated(to: body.width - 2, ellipsis: shared.glyphs.ellipsis).runs {
                x = grid.put(run.text, in: body, x: x, y: offset, style: shared.theme.style(run.role))
            }
        }
    }
}
