import Presentation
import TextGrid

/// The box that asks before a request is forgotten: its confirm key forgets it, any other key keeps it. It closes
/// by itself when the request goes meanwhile (forgotten elsewhere).
public struct ConfirmForget: Component {
    public let row: RequestRow

    public var context: KeyContext { .confirm }

    public func offers(_ shared: Shared) -> [Offer] {
        [Offer(.confirm, "forget the request", hint: "forget", rank: 0), Offer(.back, "keep it", hint: "keep it", rank: 0)]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        command == .confirm ? Outcome([.forget(row)], then: .closeOverlay()) : .go(.closeOverlay())
    }

    /// Any other key keeps the request.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome {
        .go(.closeOverlay())
    }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome {
        guard case .requestsRemoved(let ids) = event, ids.contains(row.id) else { return .nothing }
        shared.tell("\(row.typeName) \(SafeText.sanitize(row.target)) was forgotten meanwhile.")
        return .go(.closeOverlay())
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        Box(
            title: "Forget",
            lines: [
                "Forget \(row.typeName) \(SafeText.sanitize(row.target))?", "Its response and history are kept.", "",
                "\(shared.keys(.confirm, in: context)) forgets, any other key keeps it.",
            ]
        ).draw(into: &grid, shared)
    }
}
