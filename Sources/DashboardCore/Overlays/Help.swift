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

    public var context: KeyContext { .help }

    public func offers(_ shared: Shared) -> [Offer] {
        [Offer(.back, "close this help", hint: "close", rank: 0)]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        command == .back ? .go(.closeOverlay()) : .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
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
        let lines = entries.map { entry in
            entry.summary.isEmpty ? entry.label : ColumnFit.pad(entry.label, to: keyColumn - 2) + "  " + entry.summary
        }
        let closing = bindings.keys(for: .back, in: .help).prefix(2).map { $0.label(ascii: ascii) }.joined(separator: " or ")
        Box(title: "Keys", lines: lines + ["", "\(closing) closes this help."]).draw(into: &grid, shared)
    }
}
