import Foundation
import GRDB
import RefreshAPI
import RefreshTracking

extension RefreshStore {
    public func rosters() async throws -> [Roster] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT roster.*, (SELECT count(*) FROM roster_member WHERE roster_id = roster.id) AS members
                    FROM roster ORDER BY lower(name)
                    """
            ).map { RosterRecord(row: $0).roster }
        }
    }

    public func roster(named name: String) async throws -> Roster? {
        try await database.read { db in try Self.roster(db, named: name) }
    }

    public func rosterMembers(of name: String) async throws -> [RosterMember] {
        try await database.read { db in
            guard let id = try RosterRecord.id(named: name, in: db) else { throw RosterError.notFound(name) }
            // For each member: its newest request, and its newest success, found through the index on targets.
            let matching = """
                FROM request r WHERE r.request_type = m.request_type AND lower(r.target_value) = lower(m.target_value)
                    AND (m.request_type = 'instagram' OR r.target_value = m.target_value)
                """
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.request_type, m.target_value, m.added_at,
                        (SELECT r.id \(matching) ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1) AS latest_id,
                        (SELECT r.id \(matching) AND r.state = 'succeeded' ORDER BY r.finished_at DESC, r.id DESC LIMIT 1)
                            AS succeeded_id
                    FROM roster_member m WHERE m.roster_id = ? ORDER BY m.position
                    """, arguments: [id])
            let requestIDs = rows.flatMap { row in [row["latest_id"], row["succeeded_id"]] as [Int64?] }.compactMap { $0 }
            let requests = try Self.requests(db, ids: Set(requestIDs))
            let succeededIDs = rows.compactMap { ($0["succeeded_id"] as Int64?).flatMap { requests[$0]?.requestID } }
            let creators = try Self.creators(db, refreshedBy: succeededIDs)
            return rows.map { row in
                let type = RequestType(rawValue: row["request_type"]) ?? .instagram
                let succeeded = (row["succeeded_id"] as Int64?).flatMap { requests[$0] }
                return RosterMember(
                    target: RefreshTarget(uncheckedType: type, value: row["target_value"]),
                    addedAt: Date(timeIntervalSince1970: row["added_at"]),
                    latest: (row["latest_id"] as Int64?).flatMap { requests[$0] }, refreshedAt: succeeded?.finishedAt,
                    creator: succeeded?.requestID.flatMap { creators[$0] })
            }
        }
    }

    public func rosterMemberships() async throws -> [RosterMembership] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.name, r.max_age, s.creator_id
                    FROM roster_member m JOIN roster r ON r.id = m.roster_id
                    JOIN snapshot s ON s.request_id = (
                        SELECT q.request_id FROM request q
                        WHERE q.request_type = m.request_type AND lower(q.target_value) = lower(m.target_value)
                            AND (m.request_type = 'instagram' OR q.target_value = m.target_value) AND q.state = 'succeeded'
                        ORDER BY q.finished_at DESC, q.id DESC LIMIT 1)
                    """
            ).map { RosterMembership(roster: $0["name"], maxAge: $0["max_age"], creatorID: $0["creator_id"]) }
        }
    }

    private static func roster(_ db: Database, named name: String) throws -> Roster? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT roster.*, (SELECT count(*) FROM roster_member WHERE roster_id = roster.id) AS members
                FROM roster WHERE lower(name) = lower(?)
                """, arguments: [name]
        ).map { RosterRecord(row: $0).roster }
    }

    /// The requests with these store numbers, by number.
    private static func requests(_ db: Database, ids: Set<Int64>) throws -> [Int64: TrackedRequest] {
        var found: [Int64: TrackedRequest] = [:]
        for chunk in Array(ids).chunks(of: 500) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM request WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))",
                arguments: StatementArguments(chunk))
            for row in rows {
                let request = RequestRecord(row: row).request
                if let id = request.id { found[id] = request }
            }
        }
        return found
    }

    /// The creators that the refreshes with these server ids were about, by server id.
    private static func creators(_ db: Database, refreshedBy requestIDs: [String]) throws -> [String: StoredCreator] {
        var found: [String: StoredCreator] = [:]
        for chunk in requestIDs.chunks(of: 500) {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT snapshot.request_id AS snapshot_of, creator.* FROM snapshot
                    JOIN creator ON creator.id = snapshot.creator_id
                    WHERE snapshot.request_id IN (\(databaseQuestionMarks(count: chunk.count)))
                    """, arguments: StatementArguments(chunk))
            for row in rows { found[row["snapshot_of"]] = CreatorRecord(row: row).creator }
        }
        return found
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements.
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
