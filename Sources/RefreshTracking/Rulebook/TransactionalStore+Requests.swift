import Foundation
import RefreshAPI

/// Submissions, polls and forgetting, written once for every store.
extension TransactionalStore {
    public func recordIntent(
        _ target: RefreshTarget, at date: Date, holder: LeaseHolder, leaseUntil: Date, submitter: String,
        joiningFreshSince freshSince: Date?, roster: String?, budget rule: BudgetRule
    ) async throws -> RecordedIntent {
        try await write { store in
            if let freshSince,
                let joined = try await store.requests(sameTargetAs: target)
                    .first(where: { $0.isJoinable(for: target, now: date, freshSince: freshSince) })
            {
                return .joined(joined)
            }
            if rule == .enforced, let budget = try await Self.budget(store) {
                let used = try await store.paidRefreshCount(since: budget.periodStart(containing: date))
                if used >= budget.limit { return .overBudget(budget, used: used) }
            }
            let intent = TrackedRequest.intent(target, at: date, holder: holder, leaseUntil: leaseUntil, submitter: submitter)
            let localID = try await store.insert(intent, revision: try await store.nextRevision(creators: false))
            try await store.insertPaidRefresh(ofRequest: localID, at: date, submitter: submitter, roster: roster)
            return .recorded(localID)
        }
    }

    public func recordSubmission(_ localID: Int64, _ record: RefreshRecord, holder: LeaseHolder?, leaseUntil: Date?)
        async throws
    {
        try await write { store in
            guard let request = try await store.request(localID: localID) else { return }
            let answered = request.answered(record, holder: holder, leaseUntil: leaseUntil)
            try await store.update(answered, revision: try await store.nextRevision(creators: false))
        }
    }

    @discardableResult
    public func recordSubmissionFailure(_ localID: Int64, _ error: RefreshClientError) async throws -> Bool {
        try await write { store in
            guard let request = try await store.request(localID: localID) else { return false }
            guard let kept = request.submissionFailed(error) else {
                // The server certainly created nothing: it cost nothing.
                if let localID = request.id { try await store.deletePaidRefresh(ofRequest: localID) }
                try await Self.forget(request, store)
                return false
            }
            try await store.update(kept, revision: try await store.nextRevision(creators: false))
            return true
        }
    }

    @discardableResult
    public func recoverInterruptedSubmissions(now: Date) async throws -> Int {
        try await write { store in try await Self.recoverInterruptedSubmissions(store, now: now) }
    }

    static func recoverInterruptedSubmissions(_ store: any StoreTransaction, now: Date) async throws -> Int {
        let interrupted = try await store.requests(in: [.submitting], among: nil).compactMap { $0.interrupted(at: now) }
        guard !interrupted.isEmpty else { return 0 }
        let revision = try await store.nextRevision(creators: false)
        for request in interrupted { try await store.update(request, revision: revision) }
        return interrupted.count
    }

    public func track(_ ids: [RequestID], at date: Date) async throws {
        try await write { store in
            for id in ids {
                if let known = try await store.request(id) {
                    guard let resumed = known.resumed() else { continue }
                    try await store.update(resumed, revision: try await store.nextRevision(creators: false))
                } else {
                    _ = try await store.insert(.followed(id, at: date), revision: try await store.nextRevision(creators: false))
                }
            }
        }
    }

    public func recordPoll(_ record: RefreshRecord, at date: Date, nextPollAt: Date?) async throws {
        try await write { store in
            guard let request = try await store.request(record.requestID) else { return }
            switch request.polled(record, at: date, nextPollAt: nextPollAt) {
            case .ignored: return
            case .timesOnly(let polled): try await store.update(polled, revision: nil)
            case .changed(let polled): try await store.update(polled, revision: try await store.nextRevision(creators: false))
            }
        }
    }

    public func recordFinished(_ record: RefreshRecord, body: Data, at date: Date) async throws {
        try await write { store in
            guard let request = try await store.request(record.requestID), let finished = request.finished(record, at: date)
            else { return }
            let succeeded = record.state == .succeeded
            try await store.update(finished, revision: try await store.nextRevision(creators: succeeded))
            guard succeeded else { return }
            try await store.saveResponse(body, of: record.requestID, receivedAt: date, replacing: true)
            try await Self.recordCreator(of: record, at: date, store)
        }
    }

    /// The creator a finished refresh is about, with its latest figures, and one snapshot for this refresh.
    private static func recordCreator(of record: RefreshRecord, at date: Date, _ store: any StoreTransaction) async throws {
        guard let identity = CreatorIdentity(record) else { return }
        var creator =
            try await store.creator(platform: identity.platform.rawValue, key: identity.key)
            ?? StoredCreator(platform: identity.platform.rawValue, key: identity.key, lastRefreshedAt: date)
        creator.update(from: record, at: date)
        let creatorID = try await store.save(creator)
        _ = try await store.insert(CreatorSnapshot(of: record, creatorID: creatorID, tier: creator.tier, at: date))
    }

    public func recordStale(_ id: RequestID) async throws {
        try await write { store in
            guard let stale = try await store.request(id)?.madeStale() else { return }
            try await store.update(stale, revision: try await store.nextRevision(creators: false))
        }
    }

    public func recordError(_ id: RequestID, _ message: String, gaveUp: Bool, nextPollAt: Date?) async throws {
        try await write { store in
            guard let failed = try await store.request(id)?.pollFailed(message, gaveUp: gaveUp, nextPollAt: nextPollAt) else {
                return
            }
            try await store.update(failed, revision: try await store.nextRevision(creators: false))
        }
    }

    @discardableResult
    public func forget(_ id: RequestID, purge: Bool) async throws -> Bool {
        try await write { store in
            let request = try await store.request(id)
            if let request { try await Self.forget(request, store) }
            guard purge else { return request != nil }
            let hadResponse = try await store.deleteResponse(of: id)
            guard try await store.deleteSnapshots(ofRequest: id) > 0 else { return request != nil || hadResponse }
            try await store.deleteCreatorsWithoutSnapshots()
            _ = try await store.nextRevision(creators: true)
            return true
        }
    }

    @discardableResult
    public func forget(localID: Int64) async throws -> Bool {
        try await write { store in
            guard let request = try await store.request(localID: localID) else { return false }
            try await Self.forget(request, store)
            return true
        }
    }

    @discardableResult
    public func withdraw(localID: Int64) async throws -> Bool {
        try await write { store in
            guard let request = try await store.request(localID: localID), request.state == .submitting else { return false }
            try await store.deletePaidRefresh(ofRequest: localID)
            try await Self.forget(request, store)
            return true
        }
    }

    /// Deletes a request, leaving a tombstone for the change feed; tombstones older than their lifetime go.
    private static func forget(_ request: TrackedRequest, _ store: any StoreTransaction) async throws {
        let now = Date()
        try await store.delete(request, tombstoneRevision: try await store.nextRevision(creators: false), at: now)
        try await store.pruneTombstones(olderThan: now.addingTimeInterval(-Tombstones.lifetime))
    }
}

extension CreatorSnapshot {
    /// The creator's figures in a finished refresh, taken at `date`.
    init(of record: RefreshRecord, creatorID: Int64, tier: String?, at date: Date) {
        let overview = record.response?.profileOverview
        self.init(
            creatorID: creatorID, requestID: record.requestID.rawValue, takenAt: date, followers: overview?.followers,
            following: overview?.following, posts: overview?.posts, engagement: overview?.engagement, tier: tier)
    }
}
