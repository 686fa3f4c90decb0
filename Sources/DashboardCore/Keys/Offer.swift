/// A command a screen or a box handles now: what the help says it does there, and the word the status bar shows
/// after its key. The help, the status bar and the keys a screen acts on are all made from these, so a screen never
/// shows a command it does not do, nor does one it does not show.
public struct Offer: Sendable, Equatable {
    public let command: Command
    /// What the help says the command does here.
    public let summary: String
    /// The word the status bar shows after the key; nil for a command left to the help.
    public let hint: String?
    /// When the status bar is too narrow, the hints of the highest ranks go first (0 stays longest).
    public let rank: Int

    public init(_ command: Command, _ summary: String, hint: String? = nil, rank: Int = 9) {
        self.command = command
        self.summary = summary
        self.hint = hint
        self.rank = rank
    }

    /// The six moves through rows of a list.
    static let rowMoves: [Offer] = [
        Offer(.moveUp, "select the row above"), Offer(.moveDown, "select the row below"), Offer(.pageUp, "one page up"),
        Offer(.pageDown, "one page down"), Offer(.first, "first row"), Offer(.last, "last row"),
    ]

    /// The six moves through the lines of a page; the bar names them "scroll".
    static let lineMoves: [Offer] = [
        Offer(.moveDown, "scroll down a line", hint: "scroll", rank: 3), Offer(.moveUp, "scroll up a line"),
        Offer(.pageDown, "one page down"), Offer(.pageUp, "one page up"), Offer(.first, "the top of the page"),
        Offer(.last, "the bottom of the page"),
    ]
}

extension [Offer] {
    /// Whether one of these is `command`.
    func offers(_ command: Command) -> Bool {
        contains { $0.command == command }
    }
}
