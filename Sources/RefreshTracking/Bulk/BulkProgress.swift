import Foundation
import RefreshAPI

/// How far a bulk refresh has got: targets submitted, joined or refused, and the state of every request it
/// follows, kept up from the store's changes whichever process polls them.
public struct BulkProgress: Sendable, Equatable {
    /// Something worth telling about one target.
    public struct Change: Sendable, Equatable {
        public var target: RefreshTarget
        public var requestID: RequestID?
        /// `submitted`, `joined`, `refused`, or the state a request reached.
        public var event: String
        public var detail: String?
    }

    public let total: Int
    /// Targets sent anew.
    public private(set) var submitted = 0
    /// Targets joined with a request under way or fresh.
    public private(set) var joined = 0
    /// Targets whose POST failed.
    public private(set) var refused = 0
    /// Targets whose POST may or may not have reached the server (its answer was lost): never sent again unasked.
    public private(set) var unknownSubmissions = 0
    /// Targets sent although an earlier POST of theirs had an unknown outcome (told, and counted, as sent again).
    public let sentAgainAfterUnknown: Set<RefreshTarget>
    /// How many of those were sent.
    public private(set) var resubmitted = 0
    /// POSTs in a row that failed because the server could not be reached or did not answer.
    public private(set) var unreachableInARow = 0
    /// Followed requests whose latest polls failed (the network, the server), still being asked again.
    private var retrying: Set<RequestID> = []
    private var states: [RequestID: TrackedState] = [:]
    /// The latest state seen in the store's changes of every request, followed or not yet: an answer can reach the
    /// store before the submission that joined or sent its request is taken in.
    private var seen: [RequestID: TrackedState] = [:]
    private var targets: [RequestID: RefreshTarget] = [:]
    /// How long each request that succeeded took from its submission, for the estimate.
    private var durations: [TimeInterval] = []

    public init(total: Int, sentAgainAfterUnknown: Set<RefreshTarget> = []) {
        self.total = total
        self.sentAgainAfterUnknown = sentAgainAfterUnknown
    }

    /// Targets submitted, joined or refused so far.
    public var started: Int { submitted + joined + refused + unknownSubmissions }
    public var pending: Int { states.values.filter { !$0.hasEnded }.count }
    public var succeeded: Int { states.values.filter { $0 == .succeeded }.count }
    /// Requests that failed (targets whose POST was refused are ``refused``).
    public var failed: Int { states.values.filter { $0 == .failed }.count }
    /// Targets whose outcome is unknown: a POST whose answer was lost, or following that ended without one.
    public var unknown: Int { unknownSubmissions + states.values.filter { $0 == .unknown }.count }
    /// Whether every target was started and every request has ended.
    public var isDone: Bool { started == total && pending == 0 }
    /// Requests whose latest polls failed and that are asked again.
    public var retryingCount: Int { retrying.count }
    /// Whether the last three POSTs in a row could not reach the server: submitting more is pointless.
    public var serverLooksDown: Bool { unreachableInARow >= 3 }

    /// Takes in what became of a submission; nil for one withdrawn before it was sent or refused by the budget,
    /// which is still to go.
    public mutating func take(_ outcome: BulkSubmission.Outcome) -> Change? {
        switch outcome {
        case .withdrawn, .overBudget:
            return nil
        case .submitted(let target, let record):
            submitted += 1
            unreachableInARow = 0
            follow(record.requestID, target, TrackedState(record.state))
            guard sentAgainAfterUnknown.contains(target) else {
                return Change(target: target, requestID: record.requestID, event: "submitted", detail: nil)
            }
            resubmitted += 1
            return Change(
                target: target, requestID: record.requestID, event: "submitted again",
                detail: "the earlier POST's outcome was unknown")
        case .joined(let target, let request):
            joined += 1
            unreachableInARow = 0
            if let id = request.requestID.map { RequestID($0) } { follow(id, target, request.state) }
            let who = request.submittedBy.map { " submitted by \($0)" } ?? ""
            return Change(
                target: target, requestID: request.requestID.map { RequestID($0) }, event: "joined",
                detail: "\(request.state.rawValue)\(who)")
        case .refused(let target, .client(.outcomeUnknown(let reason))):
            unknownSubmissions += 1
            unreachableInARow += 1
            return Change(target: target, requestID: nil, event: TrackedState.unknown.rawValue, detail: reason)
        case .refused(let target, let error):
            refused += 1
            switch error {
            case .client(.serverUnavailable), .client(.rateLimited): unreachableInARow += 1
            default: unreachableInARow = 0
            }
            return Change(target: target, requestID: nil, event: "refused", detail: error.description)
        }
    }

    /// Takes in the store's changes; returns each followed request's new state.
    public mutating func observe(_ changes: StoreChanges) -> [Change] {
        var told: [Change] = []
        for request in changes.requests {
            if let id = request.requestID.map({ RequestID($0) }) {
                seen[id] = request.state
                if states[id] != nil, let target = targets[id] {
                    // A request whose polls fail is told once, when they start failing; it is asked again.
                    let isRetrying = request.errorCount > 0 && !request.state.hasEnded
                    if isRetrying, retrying.insert(id).inserted {
                        told.append(Change(target: target, requestID: id, event: "retrying", detail: request.detail))
                    } else if !isRetrying {
                        retrying.remove(id)
                    }
                }
            }
            guard let id = request.requestID.map({ RequestID($0) }), let old = states[id], old != request.state,
                let target = targets[id]
            else { continue }
            states[id] = request.state
            if request.state == .succeeded, let finished = request.finishedAt {
                durations.append(finished.timeIntervalSince(request.submittedAt))
            }
            told.append(
                Change(
                    target: target, requestID: id, event: request.state.rawValue,
                    detail: request.state == .failed || request.state == .unknown ? request.detail : nil))
        }
        return told
    }

    /// Following `id` ended without an answer that ends it (an id the server does not know).
    public mutating func followingEnded(_ id: RequestID, reason: String) -> Change? {
        guard let target = targets[id], states[id]?.hasEnded == false else { return nil }
        states[id] = .unknown
        return Change(target: target, requestID: id, event: TrackedState.unknown.rawValue, detail: reason)
    }

    /// Seconds until every target has ended: the submissions left at `perSecond`, then the typical time a request
    /// took to succeed so far. Nil until one has succeeded.
    public func secondsLeft(perSecond: Double) -> TimeInterval? {
        guard !isDone else { return 0 }
        guard !durations.isEmpty else { return nil }
        let typical = durations.sorted()[durations.count / 2]
        return Double(total - started) / perSecond + typical
    }

    private mutating func follow(_ id: RequestID, _ target: RefreshTarget, _ state: TrackedState) {
        let known = seen[id]
        states[id] = known.map { $0.hasEnded || !state.hasEnded ? $0 : state } ?? state
        targets[id] = target
    }
}
