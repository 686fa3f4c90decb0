import Foundation
import GRDB
import RefreshAPI
import RefreshTracking

/// States after which nothing a poll says changes a request.
private let endedStates = "('succeeded', 'failed')"

extension RefreshStore {
    public func recordIntent(
        _ target: RefreshTarget, at date: Date, holder: LeaseHolder, leaseUntil: Date, submitter: String,
        joiningFreshSince freshSince: Date?
    ) async throws -> RecordedIntent {
        try await database.write { db in
            if let freshSince {
                // Handles are the same creator whatever their case; ids, shortcodes and channel ids are not.
                let sql = """
                    SELECT * FROM request
                    WHERE request_type = :type AND lower(target_value) = lower(:value)
                        AND (request_type = 'instagram' OR target_value = :value)
                        AND ((state = 'submitting' AND lease_expires_at > :now) OR state IN ('pending', 'stale')
                            OR (state = 'succeeded' AND finished_at >= :freshSince))
                    ORDER BY submitted_at DESC, id DESC LIMIT 1
                    """
                let arguments: StatementArguments = [
                    "type": target.type.rawValue, "value": target.value, "now": date.timeIntervalSince1970,
                    "freshSince": freshSince.timeIntervalSince1970,
                ]
                if let row = try Row.fetchOne(db, sql: sql, arguments: arguments) {
                    return .joined(TrackedRequest(row: row))
                }
            }
            let request = TrackedRequest(
                requestType: target.type.rawValue, targetValue: target.value, state: .submitting, submittedAt: date,
                leaseHolder: holder, leaseExpiresAt: leaseUntil, submittedBy: submitter)
            return .recorded(try db.insert(into: "request", request.columns(revision: try db.nextRevision())))
        }
    }

    public func recordSubmission(_ localID: Int64, _ record: RefreshRecord, holder: LeaseHolder?, leaseUntil: Date?)
        async throws
    {
        try await database.write { db in
            guard var request = try Self.request(db, localID: localID) else { return }
            request.requestID = record.requestID.rawValue
            request.apply(record)
            request.leaseHolder = holder
            request.leaseExpiresAt = holder == nil ? nil : leaseUntil
            try db.update("request", id: localID, request.columns(revision: try db.nextRevision()))
        }
    }

    @discardableResult
    public func recordSubmissionFailure(_ localID: Int64, _ error: RefreshClientError) async throws -> Bool {
        try await database.write { db in
            guard var request = try Self.request(db, localID: localID) else { return false }
            guard case .outcomeUnknown(let problem) = error else {
                try Self.delete(db, request)
                return false
            }
            request.state = .unknown
            request.leaseHolder = nil
            request.leaseExpiresAt = nil
            request.detail = "submitted, outcome unknown (\(problem)); submit again if it does not appear"
            try db.update("request", id: localID, request.columns(revision: try db.nextRevision()))
            return true
        }
    }

    public func track(_ ids: [RequestID], at date: Date) async throws {
        try await database.write { db in
            let revision = try db.nextRevision()
            for id in ids {
                let adopted = TrackedRequest(
                    requestID: id.rawValue, requestType: "", targetValue: "", state: .pending, submittedAt: date)
                _ = try db.insert(into: "request", adopted.columns(revision: revision), orIgnore: true)
                try db.execute(
                    sql: """
                        UPDATE request SET state = 'pending', detail = NULL, error_count = 0, revision = ?
                        WHERE request_id = ? AND state = 'unknown'
                        """,
                    arguments: [revision, id.rawValue])
            }
        }
    }

    @discardableResult
    public func recoverInterruptedSubmissions(now: Date) async throws -> Int {
        try await database.write { db in try Self.recoverInterruptedSubmissions(db, now: now) }
    }

    static func recoverInterruptedSubmissions(_ db: Database, now: Date) throws -> Int {
        let expired = "state = 'submitting' AND (lease_expires_at IS NULL OR lease_expires_at <= ?)"
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM request WHERE \(expired))",
            arguments: [now.timeIntervalSince1970]) == true
        else { return 0 }
        try db.execute(
            sql: """
                UPDATE request SET state = 'unknown', lease_holder = NULL, lease_expires_at = NULL, revision = ?,
                    detail = 'submitted, outcome unknown (ylytic stopped before the server answered); submit again'
                WHERE \(expired)
                """,
            arguments: [try db.nextRevision(), now.timeIntervalSince1970])
        return db.changesCount
    }

    public func recordPoll(_ record: RefreshRecord, at date: Date, nextPollAt: Date?) async throws {
        let state = TrackedState(record.state)
        let type = record.request?.target?.type.rawValue
        let target = record.request?.target?.value
        try await database.write { db in
            // A stale request that is still pending stays stale. The row's revision moves only when something
            // shown changes, so that a poll that changes nothing costs the other processes nothing.
            let newState = "CASE WHEN state = 'stale' AND :state = 'pending' THEN 'stale' ELSE :state END"
            try db.execute(
                sql: """
                    UPDATE request SET
                        revision = CASE WHEN state IS NOT \(newState) OR status_code IS NOT :code
                            OR status_message IS NOT :message OR detail IS NOT :detail OR error_count != 0
                            OR (request_type = '' AND :type IS NOT NULL) THEN :revision ELSE revision END,
                        state = \(newState),
                        request_type = CASE WHEN request_type = '' THEN coalesce(:type, '') ELSE request_type END,
                        target_value = CASE WHEN request_type = '' THEN coalesce(:target, '') ELSE target_value END,
                        status_code = :code, status_message = :message, detail = :detail,
                        server_request_at = coalesce(:requestAt, server_request_at),
                        last_polled_at = :polledAt, next_poll_at = :nextPollAt, error_count = 0
                    WHERE request_id = :id AND state NOT IN \(endedStates)
                    """,
                arguments: [
                    "state": state.rawValue, "code": record.status?.code, "message": record.status?.message,
                    "detail": record.state.detail, "requestAt": record.status?.requestAt?.timeIntervalSince1970,
                    "polledAt": date.timeIntervalSince1970, "nextPollAt": nextPollAt?.timeIntervalSince1970,
                    "id": record.requestID.rawValue, "type": type, "target": target, "revision": try db.nextRevision(),
                ])
        }
    }

    public func recordFinished(_ record: RefreshRecord, body: Data, at date: Date) async throws {
        try await database.write { db in
            guard var request = try Self.request(db, record.requestID), request.state.isFollowed || request.state == .unknown
            else { return }
            let succeeded = record.state == .succeeded
            let revision = try db.nextRevision(creators: succeeded)
            request.finish(with: record, at: date)
            try db.update("request", id: request.id!, request.columns(revision: revision))
            guard succeeded else { return }
            try db.execute(
                sql: "INSERT OR REPLACE INTO response (request_id, received_at, body) VALUES (?, ?, ?)",
                arguments: [record.requestID.rawValue, date.timeIntervalSince1970, body])
            try Self.recordCreator(db, record, at: date)
        }
    }

    public func recordStale(_ id: RequestID) async throws {
        try await database.write { db in
            try db.execute(
                sql: "UPDATE request SET state = 'stale', revision = ? WHERE request_id = ? AND state = 'pending'",
                arguments: [try db.nextRevision(), id.rawValue])
        }
    }

    public func recordError(_ id: RequestID, _ message: String, gaveUp: Bool, nextPollAt: Date?) async throws {
        try await database.write { db in
            let ending = gaveUp ? ", state = 'unknown', lease_holder = NULL, lease_expires_at = NULL" : ""
            try db.execute(
                sql: """
                    UPDATE request SET error_count = error_count + 1, detail = ?, next_poll_at = ?, revision = ?\(ending)
                    WHERE request_id = ? AND state IN ('pending', 'stale')
                    """,
                arguments: [
                    gaveUp ? "following ended: \(message)" : message, nextPollAt?.timeIntervalSince1970,
                    try db.nextRevision(), id.rawValue,
                ])
        }
    }

    public func requests(in state: TrackedState? = nil, limit: Int? = nil) async throws -> [TrackedRequest] {
        try await database.read { db in
            let filter = state == nil ? "" : "WHERE state = ?"
            let page = limit.map { " LIMIT \(max(0, $0))" } ?? ""
            return try Row.fetchAll(
                db, sql: "SELECT * FROM request \(filter) ORDER BY submitted_at DESC, id DESC\(page)",
                arguments: StatementArguments(state.map { [$0.rawValue] } ?? [])
            ).map(TrackedRequest.init(row:))
        }
    }

    public func requestCount(in state: TrackedState?) async throws -> Int {
        try await database.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM request" + (state == nil ? "" : " WHERE state = ?"),
                arguments: StatementArguments(state.map { [$0.rawValue] } ?? [])) ?? 0
        }
    }

    public func request(localID: Int64) async throws -> TrackedRequest? {
        try await database.read { db in try Self.request(db, localID: localID) }
    }

    public func request(_ id: RequestID) async throws -> TrackedRequest? {
        try await database.read { db in try Self.request(db, id) }
    }

    public func responseBody(_ id: RequestID) async throws -> Data? {
        try await database.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM response WHERE request_id = ?", arguments: [id.rawValue])
        }
    }

    @discardableResult
    public func forget(_ id: RequestID, purge: Bool) async throws -> Bool {
        try await database.write { db in
            let request = try Self.request(db, id)
            if let request { try Self.delete(db, request) }
            guard purge else { return request != nil }
            try db.execute(sql: "DELETE FROM response WHERE request_id = ?", arguments: [id.rawValue])
            let responses = db.changesCount
            try db.execute(sql: "DELETE FROM snapshot WHERE request_id = ?", arguments: [id.rawValue])
            let snapshots = db.changesCount
            guard snapshots > 0 else { return request != nil || responses > 0 }
            try db.execute(sql: "DELETE FROM creator WHERE id NOT IN (SELECT creator_id FROM snapshot)")
            _ = try db.nextRevision(creators: true)
            return true
        }
    }

    @discardableResult
    public func forget(localID: Int64) async throws -> Bool {
        try await database.write { db in
            guard let request = try Self.request(db, localID: localID) else { return false }
            try Self.delete(db, request)
            return true
        }
    }

    /// Deletes a request and leaves a tombstone for the change feed; tombstones older than a day are pruned.
    private static func delete(_ db: Database, _ request: TrackedRequest) throws {
        let revision = try db.nextRevision()
        try db.execute(sql: "DELETE FROM request WHERE id = ?", arguments: [request.id])
        let now = Date().timeIntervalSince1970
        try db.execute(
            sql: "INSERT INTO forgotten (revision, local_id, request_id, forgotten_at) VALUES (?, ?, ?, ?)",
            arguments: [revision, request.id, request.requestID, now])
        let horizon = now - 86_400
        if let pruned = try Int64.fetchOne(
            db, sql: "SELECT max(revision) FROM forgotten WHERE forgotten_at < ?", arguments: [horizon])
        {
            try db.execute(sql: "DELETE FROM forgotten WHERE revision <= ?", arguments: [pruned])
            try db.execute(sql: "UPDATE store_revision SET forgotten_pruned_through = ?", arguments: [pruned])
        }
    }

    static func request(_ db: Database, localID: Int64) throws -> TrackedRequest? {
        try Row.fetchOne(db, sql: "SELECT * FROM request WHERE id = ?", arguments: [localID]).map(TrackedRequest.init(row:))
    }

    static func request(_ db: Database, _ id: RequestID) throws -> TrackedRequest? {
        try Row.fetchOne(db, sql: "SELECT * FROM request WHERE request_id = ?", arguments: [id.rawValue])
            .map(TrackedRequest.init(row:))
    }

    /// The creator of a finished refresh, with its latest figures, and one snapshot for this refresh.
    private static func recordCreator(_ db: Database, _ record: RefreshRecord, at date: Date) throws {
        guard let identity = CreatorIdentity(record) else { return }
        let overview = record.response?.profileOverview
        var creator =
            try Row.fetchOne(
                db, sql: "SELECT * FROM creator WHERE platform = ? AND key = ?",
                arguments: [identity.platform.rawValue, identity.key]
            ).map(StoredCreator.init(row:))
            ?? StoredCreator(platform: identity.platform.rawValue, key: identity.key, lastRefreshedAt: date)
        creator.update(from: record, at: date)
        let creatorID: Int64
        if let id = creator.id {
            try db.update("creator", id: id, creator.columns)
            creatorID = id
        } else {
            creatorID = try db.insert(into: "creator", creator.columns)
        }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO snapshot (creator_id, request_id, taken_at, followers, following, posts, engagement,
                    tier)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                creatorID, record.requestID.rawValue, date.timeIntervalSince1970, overview?.followers,
                overview?.following, overview?.posts, overview?.engagement, creator.tier,
            ])
    }
}
