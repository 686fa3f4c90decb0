import Foundation
import RefreshAPI

/// What a batch of refreshes would cost, said before it is sent: how many targets need a new request (each costs
/// quota), and how many would join one that is fresh or under way instead.
public struct BulkPrice: Hashable, Sendable {
    /// Targets with no request to join: each would be a new, paid request.
    public var new: Int
    /// Targets refreshed successfully within the join policy's freshness: joined unless forced.
    public var fresh: Int
    /// Targets with a request being submitted or pending: joined.
    public var underWay: Int

    public init(new: Int, fresh: Int, underWay: Int) {
        self.new = new
        self.fresh = fresh
        self.underWay = underWay
    }

    /// How many targets, each counted once.
    public var total: Int { new + fresh + underWay }

    /// The price of submitting `targets` (each once) under `join` at `now`, given the store's `requests`, as
    /// ``TrackingStore/recordIntent(_:at:holder:leaseUntil:submitter:joiningFreshSince:roster:budget:)`` would join them.
    public static func of(_ targets: [RefreshTarget], requests: [TrackedRequest], join: JoinPolicy, now: Date) -> BulkPrice {
        var byTarget: [String: [TrackedRequest]] = [:]
        for request in requests { byTarget[request.requestType + " " + request.targetValue.lowercased(), default: []].append(request) }
        var price = BulkPrice(new: 0, fresh: 0, underWay: 0)
        var seen = Set<RefreshTarget>()
        for target in targets where seen.insert(target).inserted {
            let candidates = byTarget[target.type.rawValue + " " + target.value.lowercased()] ?? []
            guard let freshSince = join.freshSince(now),
                let joined = candidates.first(where: { $0.isJoinable(for: target, now: now, freshSince: freshSince) })
            else {
                price.new += 1
                continue
            }
            if joined.state == .succeeded { price.fresh += 1 } else { price.underWay += 1 }
        }
        return price
    }

    /// The targets of `targets` whose newest request in the store (`requests`, newest first) has an unknown outcome
    /// (a POST whose answer was lost, or following that ended without an answer): sending them again may make a
    /// second refresh, so a batch says so, and `--skip-unknown` leaves them.
    public static func unknownOutcomes(of targets: [RefreshTarget], requests: [TrackedRequest]) -> Set<RefreshTarget> {
        // Handles match whatever their case; ids, shortcodes and channel ids exactly.
        func key(_ type: String, _ value: String) -> String {
            type + " " + (type == RequestType.instagram.rawValue ? value.lowercased() : value)
        }
        var newest: [String: TrackedState] = [:]
        for request in requests where newest[key(request.requestType, request.targetValue)] == nil {
            newest[key(request.requestType, request.targetValue)] = request.state
        }
        return Set(targets.filter { newest[key($0.type.rawValue, $0.value)] == .unknown })
    }
}
