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

    /// The widest keys the key column makes room for; wider ones do not push every command's words along.
    private static let widestKeyColumn = 16

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

    /// The box: each command offered with its keys as bound, the moves of a list together; the key column is as
    /// wide as the keys of most commands, and a command whose keys are wider has its words after them when the
    /// line fits the terminal, else on the next line, under the others' words.
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
                    entries.append((keys.joined(separator: " "), "move: a row, a page, first, last"))
                }
                continue
            }
            entries.append((bindings.labels(for: offer.command, in: subject, ascii: ascii), offer.summary))
        }
        let keyColumn = (entries.map { DisplayWidth.of($0.label) }.filter { $0 <= Self.widestKeyColumn }.max() ?? 0) + 2
        // What a line of the box holds at most: the terminal less the box's frame and margins.
        let room = shared.width - 6
        var lines: [String] = []
        for entry in entries {
            let labelWidth = DisplayWidth.of(entry.label)
            if labelWidth <= keyColumn - 2 {
                lines.append(ColumnFit.pad(entry.label, to: keyColumn - 2) + "  " + entry.summary)
            } else if labelWidth + 2 + DisplayWidth.of(entry.summary) <= room {
                lines.append(entry.label + "  " + entry.summary)
            } else {
                lines += [entry.label, String(repeating: " ", count: keyColumn) + entry.summary]
            }
        }
        return Box(title: "Keys", lines: lines + ["", "\(shared.keys(.back, in: .help)) closes this help."])
    }
}
