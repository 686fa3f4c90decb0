import Foundation
import PostgresNIO
import RefreshAPI
import RefreshTracking

extension PostgresLedger {
    public func rosters() async throws -> [Roster] {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT \(unescaped: Roster.ledgerColumns) FROM ylytic.roster ORDER BY lower(name)
                """, logger: logger
            ).collect().map(Roster.init(ledgerRow:))
        }
    }

    public func roster(named name: String) async throws -> Roster? {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT \(unescaped: Roster.ledgerColumns) FROM ylytic.roster WHERE lower(name) = lower(\(name))
                """, logger: logger
            ).collect().first.map(Roster.init(ledgerRow:))
        }
    }

    public func rosterMemberships() async throws -> [RosterMembership] {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT r.name, r.max_age, s.creator_id
                FROM ylytic.roster_member m JOIN ylytic.roster r ON r.id = m.roster_id
                JOIN LATERAL (
                    SELECT q.request_id FROM ylytic.request q
                    WHERE q.request_type = m.request_type AND lower(q.target_value) = lower(m.target_value)
                        AND (m.request_type = 'instagram' OR q.target_value = m.target_value) AND q.state = 'succeeded'
                    ORDER BY q.finished_at DESC, q.id DESC LIMIT 1
                ) succeeded ON true
                JOIN ylytic.snapshot s ON s.request_id = succeeded.request_id
                """, logger: logger
            ).collect().map { row in
                let (name, maxAge, creatorID) = try row.decode((String, Double?, Int64).self)
                return RosterMembership(roster: name, maxAge: maxAge, creatorID: creatorID)
            }
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
                let requestID = try row.makeRandomAccess().value("request_id", as: String.self)
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
}
