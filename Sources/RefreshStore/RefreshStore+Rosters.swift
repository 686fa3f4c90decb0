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
            ).map(Roster.init(row:))
        }
    }

    public func roster(named name: String) async throws -> Roster? {
        try await database.read { db in try Self.roster(db, named: name) }
    }

    public func rosterMembers(of name: String) async throws -> [RosterMember] {
        try await database.read { db in
            guard let id = try Self.rosterID(db, named: name) else { throw RosterError.notFound(name) }
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

    public func createRoster(_ name: RosterName, maxAge: TimeInterval?, at date: Date) async throws {
        try await database.write { db in
            guard try Self.rosterID(db, named: name.rawValue) == nil else { throw RosterError.exists(name.rawValue) }
            try db.execute(
                sql: "INSERT INTO roster (name, max_age, created_at) VALUES (?, ?, ?)",
                arguments: [name.rawValue, maxAge, date.timeIntervalSince1970])
            _ = try db.nextRevision(creators: true)
        }
    }

    public func addToRoster(_ name: RosterName, _ targets: [RefreshTarget], at date: Date, creating: Bool)
        async throws -> RosterAddition
    {
        // More targets than a roster holds are refused before anything is written.
        guard targets.count <= Roster.maximumMembers else { throw RosterError.tooLarge(name.rawValue, targets.count) }
        return try await database.write { db in
            var created = false
            let rosterID: Int64
            if let id = try Self.rosterID(db, named: name.rawValue) {
                rosterID = id
            } else if creating {
                try db.execute(
                    sql: "INSERT INTO roster (name, created_at) VALUES (?, ?)",
                    arguments: [name.rawValue, date.timeIntervalSince1970])
                rosterID = db.lastInsertedRowID
                created = true
            } else {
                throw RosterError.notFound(name.rawValue)
            }
            var added = 0
            for target in targets {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO roster_member (roster_id, request_type, target_value, added_at)
                        VALUES (?, ?, ?, ?)
                        """, arguments: [rosterID, target.type.rawValue, target.value, date.timeIntervalSince1970])
                added += db.changesCount
            }
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM roster_member WHERE roster_id = ?", arguments: [rosterID]) ?? 0
            if count > Roster.maximumMembers { throw RosterError.tooLarge(name.rawValue, count) }
            if added > 0 || created { _ = try db.nextRevision(creators: true) }
            return RosterAddition(created: created, added: added, alreadyIn: targets.count - added)
        }
    }

    public func removeFromRoster(_ name: String, _ targets: [RefreshTarget]) async throws {
        try await database.write { db in
            guard let rosterID = try Self.rosterID(db, named: name) else { throw RosterError.notFound(name) }
            var missing: [String] = []
            for target in targets {
                try db.execute(
                    sql: "DELETE FROM roster_member WHERE roster_id = ? AND request_type = ? AND target_value = ?",
                    arguments: [rosterID, target.type.rawValue, target.value])
                if db.changesCount == 0 { missing.append(target.description) }
            }
            // Throwing rolls the whole transaction back: nothing is removed.
            guard missing.isEmpty else { throw RosterError.notMembers(name, missing) }
            _ = try db.nextRevision(creators: true)
        }
    }

    public func setMaxAge(of name: String, to maxAge: TimeInterval?) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE roster SET max_age = ? WHERE lower(name) = lower(?)", arguments: [maxAge, name])
            guard db.changesCount > 0 else { throw RosterError.notFound(name) }
            _ = try db.nextRevision(creators: true)
        }
    }

    @discardableResult
    public func deleteRoster(_ name: String) async throws -> Bool {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM roster WHERE lower(name) = lower(?)", arguments: [name])
            guard db.changesCount > 0 else { return false }
            _ = try db.nextRevision(creators: true)
            return true
        }
    }

    private static func rosterID(_ db: Database, named name: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM roster WHERE lower(name) = lower(?)", arguments: [name])
    }

    private static func roster(_ db: Database, named name: String) throws -> Roster? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT roster.*, (SELECT count(*) FROM roster_member WHERE roster_id = roster.id) AS members
                FROM roster WHERE lower(name) = lower(?)
                """, arguments: [name]
        ).map(Roster.init(row:))
    }

    /// The requests with these store numbers, by number.
    private static func requests(_ db: Database, ids: Set<Int64>) throws -> [Int64: TrackedRequest] {
        var found: [Int64: TrackedRequest] = [:]
        for chunk in Array(ids).chunks(of: 500) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM request WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))",
                arguments: StatementArguments(chunk))
            for row in rows {
                let request = TrackedRequest(row: row)
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
            for row in rows { found[row["snapshot_of"]] = StoredCreator(row: row) }
        }
        return found
    }
}

extension Roster {
    init(row: Row) {
        self.init(
            name: row["name"], maxAge: row["max_age"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
            memberCount: row["members"])
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements.
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
