import DashboardCore
import Foundation
import RefreshAPI
import RefreshTracking

extension RequestRow {
    /// The row the requests screen shows for a tracked request.
    public init(_ tracked: TrackedRequest) {
        self.init(
            id: tracked.id ?? 0, requestID: tracked.requestID, type: RequestType(rawValue: tracked.requestType),
            typeName: tracked.requestType.isEmpty ? "?" : tracked.requestType,
            target: tracked.targetValue.isEmpty ? tracked.requestID ?? "" : tracked.targetValue, phase: tracked.state,
            detail: tracked.detail, failedPolls: tracked.errorCount, submittedAt: tracked.submittedAt, finishedAt: tracked.finishedAt,
            followers: tracked.followers, creatorName: tracked.creatorName, submittedBy: tracked.submittedBy,
            nextPollAt: tracked.state.isFollowed ? tracked.nextPollAt : nil)
    }
}

extension CreatorRow {
    /// Every creator in the store with the figures of its latest refresh and the change since the one before.
    public static func all(in store: any TrackingStore) async throws -> [CreatorRow] {
        var rows: [CreatorRow] = []
        let rosters = try await QueryContext.memberships(in: store)
        for creator in try await store.creators() {
            let history = try await store.history(of: creator)
            let latest = history.last, previous = history.dropLast().last
            var change: Int?
            if let now = latest?.followers, let then = previous?.followers { change = now - then }
            rows.append(
                CreatorRow(
                    creator, followerChange: change, latestRequestID: latest?.requestID,
                    rosters: creator.id.flatMap { rosters[$0] } ?? []))
        }
        return rows
    }
}

extension RosterRow {
    /// Every roster in the store with its creators (as the Creators list has them, by id) and its summary at `now`.
    public static func all(in store: any TrackingStore, creators: [CreatorRow], now: Date) async throws -> [RosterRow] {
        let byID = Dictionary(creators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [RosterRow] = []
        for roster in try await store.rosters() {
            let members = try await store.rosterMembers(of: roster.name)
            let summary = RosterSummary(members: members, maxAge: roster.maxAge, at: now)
            rows.append(
                RosterRow(
                    storeID: roster.id, name: roster.name, maxAge: roster.maxAge,
                    members: members.map { member in
                        Member(
                            target: member.target, creator: member.creator?.id.flatMap { byID[$0] },
                            isStale: member.isStale(maxAge: roster.maxAge, at: now))
                    },
                    stale: summary.stale, totalFollowers: summary.totalFollowers,
                    medianEngagement: summary.medianEngagement, postsPerWeek: summary.postsPerWeek,
                    tiers: summary.tiers.map { Tier(name: $0.name, count: $0.count) }))
        }
        return rows
    }
}
