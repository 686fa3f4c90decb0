import Presentation
import RefreshAPI
import TextGrid

/// The box that says a new request's target is already under way, or was refreshed recently, so nothing was sent:
/// follow that request, or force a new one. It follows the request's live state.
public struct JoinedRequest: Component {
    public let target: RefreshTarget
    /// The request joined, as it is now.
    public private(set) var row: RequestRow

    public init(target: RefreshTarget, row: RequestRow) {
        self.target = target
        self.row = row
    }

    public var context: KeyContext { .joined }

    public func offers(_ shared: Shared) -> [Offer] {
        [
            Offer(.follow, "select that request in the list", hint: "follow", rank: 0),
            Offer(.forceSubmit, "submit a new request anyway (it costs quota)", hint: "submit anyway", rank: 1),
            Offer(.back, "cancel", hint: "cancel", rank: 0),
        ]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        switch command {
        case .follow: .go(.closeOverlay(then: .selectRequest(row.id)))
        case .forceSubmit: Outcome([.forceSubmit(target)], then: .closeOverlay())
        case .back: .go(.closeOverlay())
        default: .nothing
        }
    }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome {
        switch event {
        case .requestsChanged(let rows): if let live = rows.last(where: { $0.id == row.id }) { row = live }
        // A whole list read again (after the store came back, say) holds the request as it is now, or not at all.
        case .requestsLoaded(let rows):
            guard let live = rows.last(where: { $0.id == row.id }) else { return forgotten(&shared) }
            row = live
        case .requestsRemoved(let ids) where ids.contains(row.id):
            return forgotten(&shared)
        default: break
        }
        return .nothing
    }

    private func forgotten(_ shared: inout Shared) -> Outcome {
        shared.tell("The request joined was forgotten meanwhile; nothing was sent.")
        return .go(.closeOverlay())
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        let what =
            switch row.phase {
            case .submitting: "is being submitted"
            case .succeeded: "succeeded " + Age.ago(row.finishedAt ?? row.submittedAt, now: shared.now)
            case .failed: "failed " + Age.ago(row.finishedAt ?? row.submittedAt, now: shared.now)
            default: "is \(row.phase.rawValue)"
            }
        let who = row.submittedBy.map { " by \(SafeText.sanitize($0))" } ?? ""
        Box(
            title: row.phase == .succeeded ? "Refreshed recently" : row.isUnderWay ? "Already under way" : "Already asked",
            lines: [
                "\(target.type.rawValue) \(SafeText.sanitize(target.value)) \(what),",
                "submitted\(who) \(Age.ago(row.submittedAt, now: shared.now)).",
                "Nothing was sent: each refresh costs quota.", "",
                shared.keysSentence(
                    [(.follow, "follows that request"), (.forceSubmit, "submits a new one anyway"), (.back, "cancels")], in: context),
            ]
        ).draw(into: &grid, shared)
    }
}
