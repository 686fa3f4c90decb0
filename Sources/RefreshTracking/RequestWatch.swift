import RefreshAPI

/// What a watcher of some requests learns from the store's changes, whichever process polls them: each
/// change of state, each failed poll, and when every watched request has ended. Fed with the
/// ``TrackerEvent/changed(_:)`` events of a tracker; `watch` and `refresh --wait` print what it reports.
public struct RequestWatch: Sendable {
    /// Something worth telling about a watched request.
    public enum Change: Sendable, Equatable {
        /// It reached a new state; `detail` is the server's reason, what was seen, or why following ended.
        case state(TrackedState, detail: String?)
        /// A poll failed (the `attempt`-th in a row); following goes on.
        case retrying(attempt: Int, detail: String)
        /// It was forgotten (by this process or another) while watched.
        case forgotten
    }

    /// Whether requests that become followed later are watched too (`watch` without ids).
    private let adoptsFollowedRequests: Bool
    /// Whether the watch is done once every watched request has ended; a watch of every followed request that
    /// keeps on is never done (it ends when it is stopped).
    private let endsWhenIdle: Bool
    /// The latest row of each watched request; nil until it is first seen.
    private var latest: [RequestID: TrackedRequest?]
    private var forgotten: Set<RequestID> = []
    /// The state last told of each request (a request known by id alone has none until the server answers).
    private var toldState: [RequestID: TrackedState] = [:]
    private var hasSeenTheList = false
    /// Why this process stopped following a request, when the server's answer ended it.
    private var endings: [RequestID: RefreshClientError] = [:]

    /// Watches these requests; `told` holds the states the watcher has already told (a request it has just
    /// submitted is pending), which are not told again.
    public init(ids: [RequestID], told: [RequestID: TrackedState] = [:]) {
        adoptsFollowedRequests = false
        endsWhenIdle = true
        latest = Dictionary(ids.map { ($0, nil) }, uniquingKeysWith: { first, _ in first })
        toldState = told.filter { latest.keys.contains($0.key) }
    }

    /// Watches every request the store follows: those followed in the first list seen, and any that becomes
    /// followed while watching; until none is followed (`untilIdle`), else until the watch is stopped.
    public static func everyFollowedRequest(untilIdle: Bool = true) -> RequestWatch {
        RequestWatch(adoptsFollowedRequests: true, endsWhenIdle: untilIdle)
    }

    private init(adoptsFollowedRequests: Bool, endsWhenIdle: Bool) {
        self.adoptsFollowedRequests = adoptsFollowedRequests
        self.endsWhenIdle = endsWhenIdle
        latest = [:]
    }

    /// The watched requests, in order of id.
    public var ids: [RequestID] { latest.keys.sorted() }

    /// The latest row seen of a watched request.
    public func latest(_ id: RequestID) -> TrackedRequest? { latest[id] ?? nil }

    /// Notes that the server's answer ended the following of `id` in this process; returns what to tell.
    public mutating func followingEnded(_ id: RequestID, by error: RefreshClientError) -> Change? {
        guard latest.keys.contains(id), endings[id] == nil else { return nil }
        endings[id] = error
        toldState[id] = .unknown
        return .state(.unknown, detail: "following ended: \(error.description)")
    }

    /// The answer that ended the following of `id`, when this process saw it.
    public func ending(of id: RequestID) -> RefreshClientError? { endings[id] }

    /// Whether the request was forgotten while watched.
    public func wasForgotten(_ id: RequestID) -> Bool { forgotten.contains(id) }

    /// Whether every watched request has ended or was forgotten (and the store's list has been seen); never for a
    /// watch that keeps on.
    public var isDone: Bool {
        endsWhenIdle && hasSeenTheList
            && latest.allSatisfy { id, row in
                forgotten.contains(id) || endings[id] != nil || (row?.state.hasEnded ?? false)
            }
    }

    /// Takes in what changed; returns what is worth telling, oldest request first.
    public mutating func observe(_ changes: StoreChanges) -> [(RequestID, Change)] {
        var told: [(RequestID, Change)] = []
        if changes.replacesEverything, hasSeenTheList {
            let present = Set(changes.requests.compactMap(\.requestID))
            for (id, row) in latest where row != nil && !present.contains(id.rawValue) && !forgotten.contains(id) {
                forgotten.insert(id)
                told.append((id, .forgotten))
            }
        }
        hasSeenTheList = true
        for request in changes.requests.reversed() {
            guard let text = request.requestID else { continue }
            let id = RequestID(text)
            if !latest.keys.contains(id) {
                guard adoptsFollowedRequests, request.state.isFollowed else { continue }
                latest[id] = .some(nil)
            }
            let previous = latest[id] ?? nil
            latest[id] = request
            forgotten.remove(id)
            let isRetrying = request.state.isFollowed && request.errorCount > 0
            if request.isHeardFrom, toldState[id] != request.state {
                toldState[id] = request.state
                // While polls fail, the detail is the last error: it is told as such, not as the state's.
                told.append((id, .state(request.state, detail: isRetrying ? nil : request.detail)))
            }
            if isRetrying, request.errorCount > (previous?.errorCount ?? 0) {
                told.append((id, .retrying(attempt: request.errorCount, detail: request.detail ?? "")))
            }
        }
        for gone in changes.forgotten {
            guard let text = gone.requestID, case let id = RequestID(text), latest.keys.contains(id), !forgotten.contains(id)
            else { continue }
            forgotten.insert(id)
            if endings[id] == nil { told.append((id, .forgotten)) }
        }
        return told
    }
}
