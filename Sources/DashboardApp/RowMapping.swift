import DashboardCore
import RefreshAPI
import RefreshTracking

extension RequestRow {
    /// The row the requests screen shows for a tracked request.
    public init(_ tracked: TrackedRequest) {
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
            typeName: tracked.requestType.isEmpty ? "?" : tracked.requestType,
            target: tracked.targetValue.isEmpty ? tracked.requestID ?? "" : tracked.targetValue, phase: phase,
            detail: tracked.detail, failedPolls: tracked.errorCount, submittedAt: tracked.submittedAt, finishedAt: tracked.finishedAt,
            followers: tracked.followers, creatorName: tracked.creatorName, submittedBy: tracked.submittedBy)
    }
}

extension CreatorRow {
    /// Every creator in the store with the figures of its latest refresh and the change since the one before.
    public static func all(in store: any TrackingStore) async throws -> [CreatorRow] {
        var rows: [CreatorRow] = []
        for creator in try await store.creators() {
            let history = try await store.history(of: creator)
            let latest = history.last, previous = history.dropLast().last
            var change: Int?
            if let now = latest?.followers, let then = previous?.followers { change = now - then }
            rows.append(
                CreatorRow(
                    id: creator.id ?? 0, platform: Platform(rawValue: creator.platform) ?? .instagram, key: creator.key,
                    handle: creator.handle, name: creator.name, tier: creator.tier, followers: creator.followers,
                    engagement: creator.engagement, contentPerWeek: creator.contentPerWeek, followerChange: change,
                    lastRefreshedAt: creator.lastRefreshedAt, latestRequestID: latest?.requestID))
        }
        return rows
    }
}
