import TextGrid

/// The box with what is known of a request that has no page (pending, failed, unknown), kept live as the request
/// changes; it closes when the request is forgotten.
public struct RequestDetails: Component {
    public private(set) var row: RequestRow

    public var context: KeyContext { .details }

    public func offers(_ shared: Shared) -> [Offer] {
        [Offer(.back, "close", hint: "close", rank: 0)]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        command == .back ? .go(.closeOverlay()) : .nothing
    }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome {
        switch event {
        case .requestsChanged(let rows): if let live = rows.last(where: { $0.id == row.id }) { row = live }
        // A whole list read again holds the request as it is now, or not at all.
        case .requestsLoaded(let rows):
            guard let live = rows.last(where: { $0.id == row.id }) else { return .go(.closeOverlay()) }
            row = live
        case .requestsRemoved(let ids) where ids.contains(row.id): return .go(.closeOverlay())
        default: break
        }
        return .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        let closing = shared.keys(.back, in: context)
        Box(title: "Request", lines: row.facts(now: shared.now) + ["", "\(closing) closes."]).draw(into: &grid, shared)
    }
}
