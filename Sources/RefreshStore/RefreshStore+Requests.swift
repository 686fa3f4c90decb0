import Foundation
import GRDB
import RefreshAPI

extension RefreshStore {
    /// Writes the intent to submit `target`, before the POST is sent. Returns the store's id for it.
    public func recordIntent(_ target: RefreshTarget, at date: Date) throws -> Int64 {
        try database.write { db in
            var request = TrackedRequest(
                requestType: target.type.rawValue, targetValue: target.value, state: .submitting, submittedAt: date,
                ownerPID: ProcessInfo.processInfo.processIdentifier)
            try request.insert(db)
            return request.id!
        }
    }

    /// The POST answered: the intent becomes a request with the server's id and state.
    public func recordSubmission(_ localID: Int64, _ record: RefreshRecord) throws {
        try database.write { db in
            guard var request = try TrackedRequest.fetchOne(db, key: localID) else { return }
            request.requestID = record.requestID.rawValue
            request.ownerPID = nil
            apply(record, to: &request)
            try request.update(db)
        }
    }

    /// The POST failed. When it may have reached the server, the intent is kept as "outcome unknown"
    /// (nothing silently lost, nothing silently sent twice); when the server certainly created nothing,
    /// the intent is removed. Returns whether it was kept.
    @discardableResult
    public func recordSubmissionFailure(_ localID: Int64, _ error: RefreshClientError) throws -> Bool {
        guard case .outcomeUnknown(let problem) = error else {
            _ = try database.write { db in try TrackedRequest.deleteOne(db, key: localID) }
            return false
        }
        try recordOutcomeUnknown(localID, detail: problem)
        return true
    }

    private func recordOutcomeUnknown(_ localID: Int64, detail: String) throws {
        try database.write { db in
            guard var request = try TrackedRequest.fetchOne(db, key: localID) else { return }
            request.state = .unknown
            request.ownerPID = nil
            request.detail = "submitted, outcome unknown (\(detail)); submit again if it does not appear"
            try request.update(db)
        }
    }

    /// Intents left by a process that died before the POST answered become "outcome unknown".
    /// Returns how many were found.
    @discardableResult
    public func recoverInterruptedSubmissions(isAlive: (Int32) -> Bool = RefreshStore.processIsAlive) throws -> Int {
        try database.write { db in
            let intents = try TrackedRequest.filter(Column("state") == TrackedState.submitting.rawValue).fetchAll(db)
            var recovered = 0
            for var intent in intents where !(intent.ownerPID.map(isAlive) ?? false) {
                intent.state = .unknown
                intent.ownerPID = nil
                intent.detail = "submitted, outcome unknown (ylytic stopped before the server answered); submit again"
                try intent.update(db)
                recovered += 1
            }
            return recovered
        }
    }

    /// Whether a process with this id runs on this machine.
    public static func processIsAlive(_ pid: Int32) -> Bool {
        pid == ProcessInfo.processInfo.processIdentifier || FileManager.default.fileExists(atPath: "/proc/\(pid)")
    }

    /// A poll answered without ending the request. A stale request that is still pending stays stale.
    public func recordPoll(_ record: RefreshRecord, at date: Date, nextPollAt: Date? = nil) throws {
        let state = TrackedState(record.state)
        try database.write { db in
            try db.execute(
                sql: """
                    UPDATE request SET
                        state = CASE WHEN state = 'stale' AND :state = 'pending' THEN 'stale' ELSE :state END,
                        status_code = :code, status_message = :message, detail = :detail,
                        server_request_at = coalesce(:requestAt, server_request_at),
                        last_polled_at = :polledAt, next_poll_at = :nextPollAt, error_count = 0
                    WHERE request_id = :id
                    """,
                arguments: [
                    "state": state.rawValue, "code": record.status?.code, "message": record.status?.message,
                    "detail": record.state.detail, "requestAt": record.status?.requestAt?.timeIntervalSince1970,
                    "polledAt": date.timeIntervalSince1970, "nextPollAt": nextPollAt?.timeIntervalSince1970,
                    "id": record.requestID.rawValue,
                ])
        }
    }

    /// The request ended: its state, the whole body, the creator and a snapshot of the creator's figures.
    public func recordFinished(_ record: RefreshRecord, body: Data, at date: Date) throws {
        try database.write { db in
            var request =
                try request(db, record.requestID)
                ?? TrackedRequest(
                    requestID: record.requestID.rawValue, requestType: record.request?.requestType ?? "unknown",
                    targetValue: record.request?.target?.value ?? "", state: .pending, submittedAt: date)
            apply(record, to: &request)
            request.finishedAt = record.status?.responseAt ?? date
            request.lastPolledAt = date
            request.nextPollAt = nil
            request.errorCount = 0
            let overview = record.response?.profileOverview
            request.creatorName = record.response?.profileDetails?.fullName
            request.followers = overview?.followers
            try request.save(db)
            guard record.state == .succeeded else { return }
            try db.execute(
                sql: "INSERT OR REPLACE INTO response (request_id, received_at, body) VALUES (?, ?, ?)",
                arguments: [record.requestID.rawValue, date.timeIntervalSince1970, body])
            try recordCreator(db, record, at: date)
        }
    }

    /// The request is still pending past the deadline.
    public func recordStale(_ id: RequestID) throws {
        try database.write { db in
            guard var request = try request(db, id) else { return }
            request.state = .stale
            try request.update(db)
        }
    }

    /// A poll failed; when `gaveUp`, following has ended with this error.
    public func recordError(_ id: RequestID, _ message: String, gaveUp: Bool) throws {
        try database.write { db in
            guard var request = try request(db, id) else { return }
            request.errorCount += 1
            request.detail = gaveUp ? "following ended: \(message)" : message
            if gaveUp { request.state = .unknown }
            try request.update(db)
        }
    }

    /// Tracked requests, newest first, optionally in one state.
    public func requests(in state: TrackedState? = nil) throws -> [TrackedRequest] {
        try database.read { db in
            var query = TrackedRequest.order(Column("submitted_at").desc, Column("id").desc)
            if let state { query = query.filter(Column("state") == state.rawValue) }
            return try query.fetchAll(db)
        }
    }

    /// Requests the monitor should follow: pending and stale ones.
    public func followedRequests() throws -> [TrackedRequest] {
        try database.read { db in
            try TrackedRequest.filter([TrackedState.pending.rawValue, TrackedState.stale.rawValue].contains(Column("state")))
                .fetchAll(db)
        }
    }

    /// The request with this store number, if tracked.
    public func request(localID: Int64) throws -> TrackedRequest? {
        try database.read { db in try TrackedRequest.fetchOne(db, key: localID) }
    }

    /// The request with this server id, if tracked.
    public func request(_ id: RequestID) throws -> TrackedRequest? {
        try database.read { db in try request(db, id) }
    }

    /// The body of a finished response, exactly as received.
    public func responseBody(_ id: RequestID) throws -> Data? {
        try database.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM response WHERE request_id = ?", arguments: [id.rawValue])
        }
    }

    /// Stops tracking a request. With `purge`, its response and its snapshots go too.
    /// Returns whether anything was tracked under that id.
    @discardableResult
    public func forget(_ id: RequestID, purge: Bool) throws -> Bool {
        try database.write { db in
            let removed = try TrackedRequest.filter(Column("request_id") == id.rawValue).deleteAll(db)
            guard purge else { return removed > 0 }
            try db.execute(sql: "DELETE FROM response WHERE request_id = ?", arguments: [id.rawValue])
            try db.execute(sql: "DELETE FROM snapshot WHERE request_id = ?", arguments: [id.rawValue])
            try db.execute(sql: "DELETE FROM creator WHERE id NOT IN (SELECT creator_id FROM snapshot)")
            return removed > 0 || db.changesCount > 0
        }
    }

    /// Forgets an intent that has no server id yet, by the store's own number.
    @discardableResult
    public func forget(localID: Int64) throws -> Bool {
        try database.write { db in try TrackedRequest.deleteOne(db, key: localID) }
    }

    private func request(_ db: Database, _ id: RequestID) throws -> TrackedRequest? {
        try TrackedRequest.filter(Column("request_id") == id.rawValue).fetchOne(db)
    }

    private func apply(_ record: RefreshRecord, to request: inout TrackedRequest) {
        let state = record.state
        request.state = TrackedState(state)
        request.statusCode = record.status?.code
        request.statusMessage = record.status?.message
        request.serverRequestAt = record.status?.requestAt ?? request.serverRequestAt
        request.detail = state.detail
    }

    private func recordCreator(_ db: Database, _ record: RefreshRecord, at date: Date) throws {
        guard let identity = CreatorIdentity(record), let target = record.request?.target, !target.type.isSinglePost
        else { return }
        let overview = record.response?.profileOverview
        var creator =
            try StoredCreator.filter(Column("platform") == identity.platform.rawValue && Column("key") == identity.key)
            .fetchOne(db)
            ?? StoredCreator(platform: identity.platform.rawValue, key: identity.key, lastRefreshedAt: date)
        creator.handle = overview?.handle ?? creator.handle
        creator.name = record.response?.profileDetails?.fullName ?? creator.name
        creator.tier = overview.flatMap(DisplayedTier.init)?.name ?? creator.tier
        creator.followers = overview?.followers
        creator.engagement = overview?.engagement
        creator.contentPerWeek = overview?.contentPerWeek
        creator.posts = overview?.posts
        creator.lastRefreshedAt = date
        try creator.save(db)
        var snapshot = CreatorSnapshot(
            creatorID: creator.id!, requestID: record.requestID.rawValue, takenAt: date, followers: overview?.followers,
            following: overview?.following, posts: overview?.posts, engagement: overview?.engagement,
            tier: creator.tier)
        try snapshot.insert(db)
    }
}
