import TextGrid

/// The help box: the commands the screen under it handles now, each with its keys as bound.
public struct Help: Component {
    /// Whose keys the help lists.
    public let subject: KeyContext
    /// What the screen under it offered when the help opened.
    public let subjectOffers: [Offer]

    public init(context: KeyContext, offers: [Offer]) {
        subject = context
        subjectOffers = offers
    }

    /// The first line shown, when the keys are more than the box holds.
    public private(set) var scroll = PageScroll()

    public var context: KeyContext { .help }

    public func offers(_ shared: Shared) -> [Offer] {
        let (total, shown) = extent(shared)
        return PageScroll.offers(lines: total, visible: shown) + [Offer(.back, "close this help", hint: "close", rank: 0)]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        if command == .back { return .go(.closeOverlay()) }
        let (total, shown) = extent(shared)
        _ = scroll.run(command, lines: total, visible: shown)
        return .nothing
    }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome {
        if event == .resized {
            let (total, shown) = extent(shared)
            scroll.clamp(lines: total, visible: shown)
        }
        return .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        var box = box(shared)
        let (total, shown) = extent(shared)
        box.scroll = scroll.start(lines: total, visible: shown)
        box.draw(into: &grid, shared)
    }

    /// How many lines the help has, and how many the box shows at the size of the terminal.
    private func extent(_ shared: Shared) -> (total: Int, shown: Int) {
        let layout = box(shared).layout(width: shared.width, height: shared.height)
        return (layout.lines.count, layout.rows)
    }

    /// The box: each command offered with its keys as bound, the moves of a list on one line; a command whose keys
    /// are wider than the key column has its words on the next line.
    private func box(_ shared: Shared) -> Box {
        let ascii = shared.settings.ascii
        let bindings = shared.bindings
        let offered = subject.commands.compactMap { command in subjectOffers.first { $0.command == command } }
        // The moves of a list go on one line, so that every key of a busy screen fits at 80x24.
        let moves: [Command] = [.moveUp, .moveDown, .pageUp, .pageDown, .first, .last]
        let groupsMoves = subject != .creator && subject != .compare && moves.allSatisfy { offered.offers($0) }
        var entries: [(label: String, summary: String)] = []
        for offer in offered {
            if groupsMoves, moves.contains(offer.command) {
                if offer.command == moves[0] {
                    let keys = moves.enumerated().map { index, move in
                        bindings.keys(for: move, in: subject).prefix(index < 2 ? 2 : 1).map { $0.label(ascii: ascii) }.joined(separator: "/")
                    }
                    entries.append((keys.joined(separator: " ") + "  move: a row, a page, first, last", ""))
                }
                continue
            }
            entries.append((bindings.labels(for: offer.command, in: subject, ascii: ascii), offer.summary))
        }
        let keyColumn = min(24, (entries.filter { !$0.summary.isEmpty }.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
        var lines: [String] = []
        for entry in entries {
            if entry.summary.isEmpty {
                lines.append(entry.label)
            } else if DisplayWidth.of(entry.label) > keyColumn - 2 {
                lines += [entry.label, String(repeating: " ", count: keyColumn) + entry.summary]
            } else {
                lines.append(ColumnFit.pad(entry.label, to: keyColumn - 2) + "  " + entry.summary)
            }
        }
        return Box(title: "Keys", lines: lines + ["", "\(shared.keys(.back, in: .help)) closes this help."])
    }
}
