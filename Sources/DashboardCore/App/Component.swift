import TextGrid

/// A screen or a box of the dashboard: its own state, the commands it handles now (``offers(_:)``), how a key, a
/// command, a click or an event changes it, and how it draws itself into a rectangle. Nothing here reads a clock,
/// the terminal or the store: what a component needs from outside comes as ``ScreenEvent``s and ``Shared``, and
/// what it wants done goes out as effects.
public protocol Component: Sendable, Equatable {
    /// Whose keys it reads (the config file names them).
    var context: KeyContext { get }

    /// The commands it handles now, in the order the help lists them.
    func offers(_ shared: Shared) -> [Offer]

    /// Runs one of the commands it offers.
    mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome

    /// Whether keys go to a field being typed in (a filter, a name) before they are read as commands.
    var isTyping: Bool { get }

    /// A key that is no command here (or any key, while typing); `nothing` when it means nothing.
    mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome

    /// What changed outside (the store, the size).
    mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome

    /// A click or a turn of the wheel at a cell of `area`, the rectangle it is drawn in.
    mutating func point(_ mouse: MouseInput, in area: Rect, _ shared: inout Shared) -> Outcome

    /// Draws it into `area`.
    func draw(in area: Rect, into grid: inout Grid, _ shared: Shared)

    /// A status line of its own (the filter being typed), shown instead of the key hints.
    func statusLine(_ shared: Shared) -> String?
}

extension Component {
    public var isTyping: Bool { false }

    public mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome { .nothing }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome { .nothing }

    public mutating func point(_ mouse: MouseInput, in area: Rect, _ shared: inout Shared) -> Outcome { .nothing }

    public func statusLine(_ shared: Shared) -> String? { nil }

    /// A key: typed into the field being edited, else the command it is bound to if it is one offered now, else
    /// typed.
    public mutating func handle(_ key: Key, _ shared: inout Shared) -> Outcome {
        if isTyping { return type(key, &shared) }
        if let command = shared.bindings.command(for: key, in: context), offers(shared).offers(command) {
            return run(command, &shared)
        }
        return type(key, &shared)
    }
}
