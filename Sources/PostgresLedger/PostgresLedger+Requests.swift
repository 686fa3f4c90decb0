import Foundation
import PostgresNIO
import RefreshAPI
import RefreshTracking

extension PostgresLedger {
    public func recordIntent(
        _ target: RefreshTarget, at date: Date, holder: LeaseHolder, leaseUntil: Date, submitter: String,
        joiningFreshSince freshSince: Date?
    ) async throws -> RecordedIntent {
        try await write { write in
            if let freshSince {
                // Handles are the same creator whatever their case; ids, shortcodes and channel ids are not.
                let value = target.value
                let joinable = try await write.rows(
                    """
                    SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request
                    WHERE request_type = \(target.type.rawValue) AND lower(target_value) = lower(\(value))
                        AND (request_type = 'instagram' OR target_value = \(value))
                        AND ((state = 'submitting' AND lease_expires_at > \(date.timeIntervalSince1970))
                            OR state IN ('pending', 'stale')
                            OR (state = 'succeeded' AND finished_at >= \(freshSince.timeIntervalSince1970)))
                    ORDER BY submitted_at DESC, id DESC LIMIT 1
                    """)
                if let row = joinable.first { return .joined(try TrackedRequest(ledgerRow: row)) }
            }
            let request = TrackedRequest(
                requestType: target.type.rawValue, targetValue: target.value, state: .submitting, submittedAt: date,
                leaseHolder: holder, leaseExpiresAt: leaseUntil, submittedBy: submitter)
            return .recorded(try await Self.insert(request, write))
        }
    }

    public func recordSubmission(_ localID: Int64, _ record: RefreshRecord, holder: LeaseHolder?, leaseUntil: Date?)
        async throws
    {
        try await write { write in
            guard var request = try await Self.request(write, localID: localID) else { return }
            request.requestID = record.requestID.rawValue
            request.apply(record)
            request.leaseHolder = holder
            request.leaseExpiresAt = holder == nil ? nil : leaseUntil
            try await write.rows(request.ledgerUpdate(id: localID, revision: write.nextRevision()))
        }
    }

    @discardableResult
    public func recordSubmissionFailure(_ localID: Int64, _ error: RefreshClientError) async throws -> Bool {
        try await write { write in
            guard var request = try await Self.request(write, localID: localID) else { return false }
            guard case .outcomeUnknown(let problem) = error else {
                try await Self.delete(request, write)
                return false
            }
            request.state = .unknown
            request.leaseHolder = nil
            request.leaseExpiresAt = nil
            request.detail = "submitted, outcome unknown (\(problem)); submit again if it does not appear"
            try await write.rows(request.ledgerUpdate(id: localID, revision: write.nextRevision()))
            return true
        }
    }

    @discardableResult
    public func recoverInterruptedSubmissions(now: Date) async throws -> Int {
        try await write { write in try await Self.recoverInterruptedSubmissions(write, now: now) }
    }

    static func recoverInterruptedSubmissions(_ write: LedgerWrite, now: Date) async throws -> Int {
        let expired = try await write.rows(
            """
            SELECT id FROM ylytic.request
            WHERE state = 'submitting' AND (lease_expires_at IS NULL OR lease_expires_at <= \(now.timeIntervalSince1970))
            """)
        guard !expired.isEmpty else { return 0 }
        let ids = try expired.map { try $0.decode(Int64.self) }
        try await write.rows(
            """
            UPDATE ylytic.request SET state = 'unknown', lease_holder = NULL, lease_expires_at = NULL,
                revision = \(write.nextRevision()),
                detail = 'submitted, outcome unknown (ylytic stopped before the server answered); submit again'
            WHERE id = ANY(\(ids))
            """)
        return ids.count
    }

    public func track(_ ids: [RequestID], at date: Date) async throws {
        try await write { write in
            let revision = write.nextRevision()
            for id in ids {
                let adopted = TrackedRequest(
                    requestID: id.rawValue, requestType: "", targetValue: "", state: .pending, submittedAt: date)
                if try await Self.request(write, id) == nil {
                    _ = try await Self.insert(adopted, write, revision: revision)
                }
                try await write.rows(
                    """
                    UPDATE ylytic.request SET state = 'pending', detail = NULL, error_count = 0, revision = \(revision)
                    WHERE request_id = \(id.rawValue) AND state = 'unknown'
                    """)
            }
        }
    }

    public func recordPoll(_ record: RefreshRecord, at date: Date, nextPollAt: Date?) async throws {
        try await write { write in
            guard var request = try await Self.request(write, record.requestID),
                request.state != .succeeded, request.state != .failed
            else { return }
            let before = request
            // A stale request that is still pending stays stale.
            let wasStale = request.state == .stale
            request.apply(record)
            if wasStale, request.state == .pending { request.state = .stale }
            request.lastPolledAt = date
            request.nextPollAt = nextPollAt
            request.errorCount = 0
            // The revision moves only when something shown changes, so that a poll that changes nothing costs the
            // other processes nothing: then only the poll's times are written.
            var timesAside = request
            timesAside.lastPolledAt = before.lastPolledAt
            timesAside.nextPollAt = before.nextPollAt
            timesAside.serverRequestAt = before.serverRequestAt
            guard timesAside == before else {
                try await write.rows(request.ledgerUpdate(id: request.id!, revision: write.nextRevision()))
                return
            }
            try await write.rows(
                """
                UPDATE ylytic.request SET last_polled_at = \(date.timeIntervalSince1970),
                    next_poll_at = \(nextPollAt?.timeIntervalSince1970),
                    server_request_at = \(request.serverRequestAt?.timeIntervalSince1970)
                WHERE id = \(request.id!)
                """)
        }
    }

    public func recordFinished(_ record: RefreshRecord, body: Data, at date: Date) async throws {
        try await write { write in
            guard var request = try await Self.request(write, record.requestID),
                request.state.isFollowed || request.state == .unknown
            else { return }
            let succeeded = record.state == .succeeded
            let revision = write.nextRevision(creators: succeeded)
            request.finish(with: record, at: date)
            try await write.rows(request.ledgerUpdate(id: request.id!, revision: revision))
            guard succeeded else { return }
            try await write.rows(
                """
                INSERT INTO ylytic.response (request_id, received_at, body)
                VALUES (\(record.requestID.rawValue), \(date.timeIntervalSince1970), \(body))
                ON CONFLICT (request_id) DO UPDATE SET received_at = excluded.received_at, body = excluded.body
                """)
            try await Self.recordCreator(record, at: date, write)
        }
    }

    public func recordStale(_ id: RequestID) async throws {
        try await write { write in
            guard let request = try await Self.request(write, id), request.state == .pending else { return }
            try await write.rows(
                "UPDATE ylytic.request SET state = 'stale', revision = \(write.nextRevision()) WHERE id = \(request.id!)")
        }
    }

    public func recordError(_ id: RequestID, _ message: String, gaveUp: Bool, nextPollAt: Date?) async throws {
        try await write { write in
            guard var request = try await Self.request(write, id), request.state == .pending || request.state == .stale
            else { return }
            request.errorCount += 1
            request.detail = gaveUp ? "following ended: \(message)" : message
            request.nextPollAt = nextPollAt
            if gaveUp {
                request.state = .unknown
                request.leaseHolder = nil
                request.leaseExpiresAt = nil
            }
            try await write.rows(request.ledgerUpdate(id: request.id!, revision: write.nextRevision()))
        }
    }

    public func requests(in state: TrackedState? = nil, limit: Int? = nil) async throws -> [TrackedRequest] {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request
                WHERE \(state?.rawValue)::text IS NULL OR state = \(state?.rawValue)
                ORDER BY submitted_at DESC, id DESC LIMIT \(limit.map { max(0, $0) })
                """, logger: logger
            ).collect().map(TrackedRequest.init(ledgerRow:))
        }
    }

    public func requestCount(in state: TrackedState?) async throws -> Int {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT count(*) FROM ylytic.request WHERE \(state?.rawValue)::text IS NULL OR state = \(state?.rawValue)
                """, logger: logger
            ).collect().first?.decode(Int.self) ?? 0
        }
    }

    public func request(localID: Int64) async throws -> TrackedRequest? {
        try await read { connection, logger in
            try await connection.query(
                "SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request WHERE id = \(localID)",
                logger: logger
            ).collect().first.map(TrackedRequest.init(ledgerRow:))
        }
    }

    public func request(_ id: RequestID) async throws -> TrackedRequest? {
        try await read { connection, logger in
            try await connection.query(
                "SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request WHERE request_id = \(id.rawValue)",
                logger: logger
            ).collect().first.map(TrackedRequest.init(ledgerRow:))
        }
    }

    public func responseBody(_ id: RequestID) async throws -> Data? {
        try await read { connection, logger in
            try await connection.query(
                "SELECT body FROM ylytic.response WHERE request_id = \(id.rawValue)", logger: logger
            ).collect().first?.decode(Data.self)
        }
    }

    @discardableResult
    public func forget(_ id: RequestID, purge: Bool) async throws -> Bool {
        try await write { write in
            let request = try await Self.request(write, id)
            if let request { try await Self.delete(request, write) }
            guard purge else { return request != nil }
            let responses = try await write.rows(
                "DELETE FROM ylytic.response WHERE request_id = \(id.rawValue) RETURNING 1").count
            let snapshots = try await write.rows(
                "DELETE FROM ylytic.snapshot WHERE request_id = \(id.rawValue) RETURNING 1").count
            guard snapshots > 0 else { return request != nil || responses > 0 }
            try await write.rows(
                "DELETE FROM ylytic.creator c WHERE NOT EXISTS (SELECT 1 FROM ylytic.snapshot s WHERE s.creator_id = c.id)")
            _ = write.nextRevision(creators: true)
            return true
        }
    }

    @discardableResult
    public func forget(localID: Int64) async throws -> Bool {
        try await write { write in
            guard let request = try await Self.request(write, localID: localID) else { return false }
            try await Self.delete(request, write)
            return true
        }
    }

    // MARK: Inside a write

    static func request(_ write: LedgerWrite, localID: Int64) async throws -> TrackedRequest? {
        try await write.rows("SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request WHERE id = \(localID)")
            .first.map(TrackedRequest.init(ledgerRow:))
    }

    static func request(_ write: LedgerWrite, _ id: RequestID) async throws -> TrackedRequest? {
        try await write.rows(
            "SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request WHERE request_id = \(id.rawValue)"
        ).first.map(TrackedRequest.init(ledgerRow:))
    }

    /// Inserts a request at a new revision (or `revision`); returns its store number.
    static func insert(_ request: TrackedRequest, _ write: LedgerWrite, revision: Int64? = nil) async throws -> Int64 {
        let rows = try await write.rows(request.ledgerInsert(revision: revision ?? write.nextRevision()))
        guard let id = try rows.first?.decode(Int64.self) else { throw LedgerError("the ledger gave no id for a new row") }
        return id
    }

    /// Deletes a request and leaves a tombstone for the change feed; tombstones older than a day are pruned.
    private static func delete(_ request: TrackedRequest, _ write: LedgerWrite) async throws {
        let revision = write.nextRevision()
        let now = Date().timeIntervalSince1970
        try await write.rows("DELETE FROM ylytic.request WHERE id = \(request.id!)")
        try await write.rows(
            """
            INSERT INTO ylytic.forgotten (revision, local_id, request_id, forgotten_at)
            VALUES (\(revision), \(request.id!), \(request.requestID), \(now))
            """)
        let horizon = now - 86_400
        if let pruned = try await write.rows(
            "SELECT max(revision) FROM ylytic.forgotten WHERE forgotten_at < \(horizon)"
        ).first?.decode(Int64?.self) {
            try await write.rows("DELETE FROM ylytic.forgotten WHERE revision <= \(pruned)")
            try await write.rows("UPDATE ylytic.store_revision SET forgotten_pruned_through = \(pruned) WHERE id = 1")
        }
    }

    /// The creator of a finished refresh, with its latest figures, and one snapshot for this refresh.
    private static func recordCreator(_ record: RefreshRecord, at date: Date, _ write: LedgerWrite) async throws {
        guard let identity = CreatorIdentity(record) else { return }
        let overview = record.response?.profileOverview
        var creator =
            try await write.rows(
                """
                SELECT \(unescaped: StoredCreator.ledgerColumns) FROM ylytic.creator
                WHERE platform = \(identity.platform.rawValue) AND key = \(identity.key)
                """
            ).first.map(StoredCreator.init(ledgerRow:))
            ?? StoredCreator(platform: identity.platform.rawValue, key: identity.key, lastRefreshedAt: date)
        creator.update(from: record, at: date)
        guard let creatorID = try await write.rows(creator.ledgerUpsert()).first?.decode(Int64.self) else { return }
        let snapshot = CreatorSnapshot(
            creatorID: creatorID, requestID: record.requestID.rawValue, takenAt: date, followers: overview?.followers,
            following: overview?.following, posts: overview?.posts, engagement: overview?.engagement, tier: creator.tier)
        try await write.rows(snapshot.ledgerInsert(creatorID: creatorID))
    }
}
