import Presentation
import TextGrid

/// The box that asks before a change that cannot be taken back (a roster deleted, creators removed from one): its
/// confirm key makes it, any other key changes nothing.
public struct ConfirmChange: Component {
    public let title: String
    /// The question and what it means, already safe to draw.
    public let lines: [String]
    /// What the confirm key makes happen, in a word ("delete", "remove").
    public let verb: String
    public let effect: DashboardEffect

    public init(title: String, lines: [String], verb: String, effect: DashboardEffect) {
        self.title = title
        self.lines = lines
        self.verb = verb
        self.effect = effect
    }

    public var context: KeyContext { .confirm }

    public func offers(_ shared: Shared) -> [Offer] {
        [Offer(.confirm, verb, hint: verb, rank: 0), Offer(.back, "change nothing", hint: "cancel", rank: 0)]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        command == .confirm ? Outcome([effect], then: .closeOverlay()) : changeNothing(&shared)
    }

    /// Any other key changes nothing.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome {
        changeNothing(&shared)
    }

    private func changeNothing(_ shared: inout Shared) -> Outcome {
        shared.tell("Nothing changed.")
        return .go(.closeOverlay())
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        Box(
            title: title,
            lines: lines + ["", shared.keysSentence([(.confirm, verb + "s"), (.back, "changes nothing")], in: context)]
        ).draw(into: &grid, shared)
    }
}
