import TextGrid

/// One of the lists under the tabs (Requests, Creators, Rosters): a component drawn into the area the tabs leave
/// it, below the header and beside the preview pane.
protocol ListTab: Sendable, Equatable {
    /// The commands it handles now, besides those of the tabs.
    func offers(_ shared: Shared) -> [Offer]

    /// Runs a command it offers; the list is drawn in `area`.
    mutating func run(_ command: Command, area: Rect, _ shared: inout Shared) -> Outcome

    /// Whether keys go to its filter.
    var isTyping: Bool { get }

    /// A key while its filter is typed.
    mutating func type(_ key: Key, area: Rect)

    /// What changed outside.
    mutating func hear(_ event: ScreenEvent, area: Rect, _ shared: inout Shared)

    /// A click or a wheel turn at a cell of `area`; true when it opens the row (a click on the selected one).
    mutating func point(_ mouse: MouseInput, area: Rect) -> Bool

    func draw(in area: Rect, into grid: inout Grid, _ shared: Shared)

    /// The filter as the status bar shows it, while there is one.
    func statusLine(_ shared: Shared) -> String?

    /// The request whose stored response the preview pane shows for the selection, if any.
    var previewSubject: String? { get }

    /// What the preview pane says while it has no page to show (what is known of a request, or that it is read).
    func previewLines(_ shared: Shared) -> [String]
}
