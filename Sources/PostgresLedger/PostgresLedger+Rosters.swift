import Foundation
import PostgresNIO
import RefreshAPI
import RefreshTracking

extension PostgresLedger {
    public func rosters() async throws -> [Roster] {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT name, max_age, created_at,
                    (SELECT count(*) FROM ylytic.roster_member WHERE roster_id = roster.id)
                FROM ylytic.roster ORDER BY lower(name)
                """, logger: logger
            ).collect().map(Roster.init(ledgerRow:))
        }
    }

    public func roster(named name: String) async throws -> Roster? {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT name, max_age, created_at,
                    (SELECT count(*) FROM ylytic.roster_member WHERE roster_id = roster.id)
                FROM ylytic.roster WHERE lower(name) = lower(\(name))
                """, logger: logger
            ).collect().first.map(Roster.init(ledgerRow:))
        }
    }

    public func rosterMembers(of name: String) async throws -> [RosterMember] {
        try await read { connection, logger in
            guard
                let rosterID = try await connection.query(
                    "SELECT id FROM ylytic.roster WHERE lower(name) = lower(\(name))", logger: logger
                ).collect().first?.decode(Int64.self)
            else { throw RosterError.notFound(name) }
            // For each member: its newest request, and its newest success, found through the index on targets.
            let rows = try await connection.query(
                """
                SELECT m.request_type, m.target_value, m.added_at, latest.id, succeeded.id
                FROM ylytic.roster_member m
                LEFT JOIN LATERAL (
                    SELECT r.id FROM ylytic.request r
                    WHERE r.request_type = m.request_type AND lower(r.target_value) = lower(m.target_value)
                        AND (m.request_type = 'instagram' OR r.target_value = m.target_value)
                    ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1
                ) latest ON true
                LEFT JOIN LATERAL (
                    SELECT r.id FROM ylytic.request r
                    WHERE r.request_type = m.request_type AND lower(r.target_value) = lower(m.target_value)
                        AND (m.request_type = 'instagram' OR r.target_value = m.target_value) AND r.state = 'succeeded'
                    ORDER BY r.finished_at DESC, r.id DESC LIMIT 1
                ) succeeded ON true
                WHERE m.roster_id = \(rosterID) ORDER BY m.position
                """, logger: logger
            ).collect().map { row in try row.decode((String, String, Double, Int64?, Int64?).self) }
            let ids = Array(Set(rows.flatMap { [$0.3, $0.4] }.compactMap { $0 }))
            var requests: [Int64: TrackedRequest] = [:]
            for row in try await connection.query(
                "SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request WHERE id = ANY(\(ids))",
                logger: logger
            ).collect() {
                let request = try TrackedRequest(ledgerRow: row)
                if let id = request.id { requests[id] = request }
            }
            let succeededIDs = rows.compactMap { $0.4.flatMap { requests[$0]?.requestID } }
            var creators: [String: StoredCreator] = [:]
            for row in try await connection.query(
                """
                SELECT c.*, s.request_id FROM ylytic.snapshot s
                JOIN (SELECT \(unescaped: StoredCreator.ledgerColumns) FROM ylytic.creator) c ON c.id = s.creator_id
                WHERE s.request_id = ANY(\(succeededIDs))
                """, logger: logger
            ).collect() {
                let requestID = try row.makeRandomAccess()[12].decode(String.self)
                creators[requestID] = try StoredCreator(ledgerRow: row)
            }
            return rows.map { row in
                let succeeded = row.4.flatMap { requests[$0] }
                return RosterMember(
                    target: RefreshTarget(uncheckedType: RequestType(rawValue: row.0) ?? .instagram, value: row.1),
                    addedAt: Date(timeIntervalSince1970: row.2), latest: row.3.flatMap { requests[$0] },
                    refreshedAt: succeeded?.finishedAt, creator: succeeded?.requestID.flatMap { creators[$0] })
            }
        }
    }

    public func createRoster(_ name: RosterName, maxAge: TimeInterval?, at date: Date) async throws {
        try await write { write in
            guard try await Self.rosterID(write, named: name.rawValue) == nil else { throw RosterError.exists(name.rawValue) }
            try await write.rows(
                """
                INSERT INTO ylytic.roster (name, max_age, created_at)
                VALUES (\(name.rawValue), \(maxAge), \(date.timeIntervalSince1970))
                """)
            _ = write.nextRevision(creators: true)
        }
    }

    public func addToRoster(_ name: RosterName, _ targets: [RefreshTarget], at date: Date, creating: Bool)
        async throws -> RosterAddition
    {
        // More targets than a roster holds are refused before anything is written.
        guard targets.count <= Roster.maximumMembers else { throw RosterError.tooLarge(name.rawValue, targets.count) }
        return try await write { write in
            var created = false
            let rosterID: Int64
            if let id = try await Self.rosterID(write, named: name.rawValue) {
                rosterID = id
            } else if creating {
                guard
                    let id = try await write.rows(
                        """
                        INSERT INTO ylytic.roster (name, created_at) VALUES (\(name.rawValue), \(date.timeIntervalSince1970))
                        RETURNING id
                        """
                    ).first?.decode(Int64.self)
                else { throw LedgerError("the ledger gave no id for a new roster") }
                rosterID = id
                created = true
            } else {
                throw RosterError.notFound(name.rawValue)
            }
            // One statement for the whole list: a roster of thousands is one round trip.
            let added = try await write.rows(
                """
                INSERT INTO ylytic.roster_member (roster_id, request_type, target_value, added_at)
                SELECT \(rosterID), t.type, t.value, \(date.timeIntervalSince1970)
                FROM unnest(\(targets.map(\.type.rawValue))::text[], \(targets.map(\.value))::text[])
                    WITH ORDINALITY AS t(type, value, position)
                ORDER BY t.position
                ON CONFLICT DO NOTHING
                RETURNING 1
                """
            ).count
            let count =
                try await write.rows("SELECT count(*) FROM ylytic.roster_member WHERE roster_id = \(rosterID)")
                .first?.decode(Int.self) ?? 0
            if count > Roster.maximumMembers { throw RosterError.tooLarge(name.rawValue, count) }
            if added > 0 || created { _ = write.nextRevision(creators: true) }
            return RosterAddition(created: created, added: added, alreadyIn: targets.count - added)
        }
    }

    public func removeFromRoster(_ name: String, _ targets: [RefreshTarget]) async throws {
        try await write { write in
            guard let rosterID = try await Self.rosterID(write, named: name) else { throw RosterError.notFound(name) }
            let removed = try await write.rows(
                """
                DELETE FROM ylytic.roster_member m
                USING unnest(\(targets.map(\.type.rawValue))::text[], \(targets.map(\.value))::text[]) AS t(type, value)
                WHERE m.roster_id = \(rosterID) AND m.request_type = t.type AND m.target_value = t.value
                RETURNING m.request_type, m.target_value
                """
            ).map { try $0.decode((String, String).self) }
            let gone = Set(removed.map { "\($0.0) \($0.1)" })
            let missing = targets.map(\.description).filter { !gone.contains($0) }
            // Throwing rolls the whole transaction back: nothing is removed.
            guard missing.isEmpty else { throw RosterError.notMembers(name, missing) }
            _ = write.nextRevision(creators: true)
        }
    }

    public func setMaxAge(of name: String, to maxAge: TimeInterval?) async throws {
        try await write { write in
            let changed = try await write.rows(
                "UPDATE ylytic.roster SET max_age = \(maxAge) WHERE lower(name) = lower(\(name)) RETURNING id")
            guard !changed.isEmpty else { throw RosterError.notFound(name) }
            _ = write.nextRevision(creators: true)
        }
    }

    @discardableResult
    public func deleteRoster(_ name: String) async throws -> Bool {
        try await write { write in
            let deleted = try await write.rows("DELETE FROM ylytic.roster WHERE lower(name) = lower(\(name)) RETURNING id")
            guard !deleted.isEmpty else { return false }
            _ = write.nextRevision(creators: true)
            return true
        }
    }

    private static func rosterID(_ write: LedgerWrite, named name: String) async throws -> Int64? {
        try await write.rows("SELECT id FROM ylytic.roster WHERE lower(name) = lower(\(name)) FOR UPDATE").first?
            .decode(Int64.self)
    }
}

extension Roster {
    init(ledgerRow row: PostgresRow) throws {
        let (name, maxAge, createdAt, members) = try row.decode((String, Double?, Double, Int64).self)
        self.init(
            name: name, maxAge: maxAge, createdAt: Date(timeIntervalSince1970: createdAt), memberCount: Int(members))
    }
}
