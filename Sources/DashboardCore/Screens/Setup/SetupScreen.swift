import TextGrid

/// The screen of a dashboard without a token: how to set one. The only key it has quits.
public struct SetupScreen: Component {
    /// What to say, paragraphs apart by newlines.
    public let hint: String

    public init(hint: String) {
        self.hint = hint
    }

    public var context: KeyContext { .setup }

    public func offers(_ shared: Shared) -> [Offer] {
        [Offer(.quit, "quit", hint: "quits", rank: 0)]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        command == .quit ? .go(.quit) : .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        var y = area.y + 1
        grid.put("ylytic", x: 2, y: y, style: shared.theme[.title])
        y += 2
        for paragraph in hint.split(separator: "\n", omittingEmptySubsequences: false) {
            for line in ColumnFit.wrap(String(paragraph), to: grid.width - 4) where y < area.y + area.height {
                grid.put(line, x: 2, y: y)
                y += 1
            }
        }
    }
}
