import Presentation
import RefreshAPI
import RefreshTracking
import TextGrid

/// The box that asks before a large batch of refreshes is sent, with its price: how many would be new (paid)
/// requests and how many would join one fresh or under way. Its confirm key sends it, its force key sends the fresh
/// ones again too, and any other key sends nothing.
public struct ConfirmBatch: Component {
    public let plan: BatchPlan
    public let price: BulkPrice

    public init(_ plan: BatchPlan, price: BulkPrice) {
        self.plan = plan
        self.price = price
    }

    public var context: KeyContext { .confirmBatch }

    public func offers(_ shared: Shared) -> [Offer] {
        var offers = [Offer(.confirm, "send the new requests, joining the rest", hint: "refresh", rank: 0)]
        if price.fresh > 0 {
            offers.append(Offer(.forceSubmit, "send the fresh ones again too (it costs quota)", hint: "force fresh", rank: 1))
        }
        offers.append(Offer(.back, "send nothing", hint: "cancel", rank: 0))
        return offers
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        switch command {
        case .confirm:
            shared.tell("Refreshing \(plan.what) (\(NumberFormat.grouped(price.new)) new)…")
            return Outcome([.submitMany(plan.targets, join: .standard)], then: .closeOverlay())
        case .forceSubmit where price.fresh > 0:
            shared.tell("Refreshing \(plan.what) (\(NumberFormat.grouped(price.new + price.fresh)) new)…")
            // Only a request under way is joined: the fresh ones are sent again.
            return Outcome([.submitMany(plan.targets, join: .underWayOrFresh(freshFor: 0))], then: .closeOverlay())
        default:
            return sendNothing(&shared)
        }
    }

    /// Any other key sends nothing.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome {
        sendNothing(&shared)
    }

    private func sendNothing(_ shared: inout Shared) -> Outcome {
        shared.tell("Sent nothing.")
        return .go(.closeOverlay())
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        var joined: [String] = []
        if price.fresh > 0 { joined.append("\(NumberFormat.grouped(price.fresh)) fresh") }
        if price.underWay > 0 { joined.append("\(NumberFormat.grouped(price.underWay)) under way") }
        var lines = [
            "Refresh \(SafeText.sanitize(plan.what)): \(NumberFormat.grouped(price.total)) creators?",
            "\(NumberFormat.grouped(price.new)) new requests, each costing quota"
                + (joined.isEmpty ? "." : "; \(joined.joined(separator: ", ")) joined."),
            "",
        ]
        var keys: [(Command, String)] = [(.confirm, "sends them")]
        if price.fresh > 0 { keys.append((.forceSubmit, "sends the fresh ones again too")) }
        keys.append((.back, "sends nothing"))
        lines.append(shared.keysSentence(keys, in: context))
        Box(title: "Refresh \(NumberFormat.grouped(price.total)) creators", lines: lines).draw(into: &grid, shared)
    }
}
