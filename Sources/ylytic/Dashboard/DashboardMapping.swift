import DashboardCore
import RefreshAPI
import RefreshStore
import Terminal

extension RequestRow {
    /// The row the requests screen shows for a tracked request.
    init(_ tracked: TrackedRequest) {
        let phase: Phase =
            switch tracked.state {
            case .submitting: .submitting
            case .pending: .pending
            case .stale: .stale
            case .succeeded: .succeeded
            case .failed: .failed
            case .unknown: .unknown
            }
        self.init(
            id: tracked.id ?? 0, requestID: tracked.requestID, type: RequestType(rawValue: tracked.requestType),
            typeName: tracked.requestType, target: tracked.targetValue, phase: phase, detail: tracked.detail,
            submittedAt: tracked.submittedAt, finishedAt: tracked.finishedAt, followers: tracked.followers,
            creatorName: tracked.creatorName)
    }
}

extension CreatorRow {
    /// Every creator in the store with the figures of its latest refresh and the change since the one before.
    static func all(in store: RefreshStore) throws -> [CreatorRow] {
        try store.creators().map { creator in
            let history = try store.history(of: creator)
            let latest = history.last, previous = history.dropLast().last
            var change: Int?
            if let now = latest?.followers, let then = previous?.followers { change = now - then }
            return CreatorRow(
                id: creator.id ?? 0, platform: Platform(rawValue: creator.platform) ?? .instagram, key: creator.key,
                handle: creator.handle, name: creator.name, tier: creator.tier, followers: creator.followers,
                engagement: creator.engagement, contentPerWeek: creator.contentPerWeek, followerChange: change,
                lastRefreshedAt: creator.lastRefreshedAt, latestRequestID: latest?.requestID)
        }
    }
}

extension Key {
    /// The dashboard's key for a terminal key.
    init(_ press: KeyPress) {
        self =
            switch press {
            case .character(let character): .character(character)
            case .up: .up
            case .down: .down
            case .left: .left
            case .right: .right
            case .pageUp: .pageUp
            case .pageDown: .pageDown
            case .home: .home
            case .end: .end
            case .enter: .enter
            case .escape: .escape
            case .backspace: .backspace
            case .delete: .delete
            case .tab: .tab
            case .backTab: .backTab
            case .control(let character): .control(character)
            }
    }
}
