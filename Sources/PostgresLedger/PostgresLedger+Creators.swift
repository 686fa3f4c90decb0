import Foundation
import PostgresNIO
import RefreshAPI
import RefreshTracking

extension PostgresLedger {
    public func creators() async throws -> [StoredCreator] {
        try await read { connection, logger in
            try await connection.query(
                "SELECT \(unescaped: StoredCreator.ledgerColumns) FROM ylytic.creator ORDER BY last_refreshed_at DESC",
                logger: logger
            ).collect().map(StoredCreator.init(ledgerRow:))
        }
    }

    public func creators(matching query: String) async throws -> [StoredCreator] {
        let wanted = (query.hasPrefix("@") ? String(query.dropFirst()) : query).lowercased()
        return try await read { connection, logger in
            try await connection.query(
                """
                SELECT \(unescaped: StoredCreator.ledgerColumns) FROM ylytic.creator
                WHERE lower(key) = \(wanted) OR lower(handle) = \(wanted) OR lower(platform_id) = \(wanted)
                    OR lower(name) = \(wanted)
                """, logger: logger
            ).collect().map(StoredCreator.init(ledgerRow:))
        }
    }

    public func history(ofCreatorRefreshedBy id: RequestID) async throws -> [CreatorSnapshot] {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT \(unescaped: CreatorSnapshot.ledgerColumns) FROM ylytic.snapshot
                WHERE creator_id = (SELECT creator_id FROM ylytic.snapshot WHERE request_id = \(id.rawValue))
                ORDER BY taken_at, id
                """, logger: logger
            ).collect().map(CreatorSnapshot.init(ledgerRow:))
        }
    }

    public func history(of creator: StoredCreator) async throws -> [CreatorSnapshot] {
        guard let id = creator.id else { return [] }
        return try await read { connection, logger in
            try await connection.query(
                """
                SELECT \(unescaped: CreatorSnapshot.ledgerColumns) FROM ylytic.snapshot WHERE creator_id = \(id)
                ORDER BY taken_at, id
                """, logger: logger
            ).collect().map(CreatorSnapshot.init(ledgerRow:))
        }
    }

    public func adopt(_ request: TrackedRequest, body: Data?, receivedAt: Date?) async throws -> Adoption {
        guard let requestID = request.requestID else { return .left }
        return try await write { write in
            var copy = request
            copy.leaseHolder = nil
            copy.leaseExpiresAt = nil
            let adoption: Adoption
            if let existing = try await Self.request(write, RequestID(requestID)) {
                guard let id = existing.id, Adoption.copyEnds(existing, with: copy) else { return .left }
                copy.submittedBy = copy.submittedBy ?? existing.submittedBy
                try await write.rows(copy.ledgerUpdate(id: id, revision: write.nextRevision()))
                adoption = .updated
            } else {
                _ = try await Self.insert(copy, write)
                adoption = .added
            }
            if let body {
                let received = (receivedAt ?? request.finishedAt ?? request.submittedAt).timeIntervalSince1970
                try await write.rows(
                    """
                    INSERT INTO ylytic.response (request_id, received_at, body) VALUES (\(requestID), \(received), \(body))
                    ON CONFLICT (request_id) DO NOTHING
                    """)
            }
            return adoption
        }
    }

    public func adopt(_ creator: StoredCreator, snapshots: [CreatorSnapshot]) async throws -> Int {
        try await write { write in
            let existing = try await write.rows(
                """
                SELECT \(unescaped: StoredCreator.ledgerColumns) FROM ylytic.creator
                WHERE platform = \(creator.platform) AND key = \(creator.key)
                """
            ).first.map(StoredCreator.init(ledgerRow:))
            let creatorID: Int64
            if let existing, let id = existing.id, existing.lastRefreshedAt >= creator.lastRefreshedAt {
                creatorID = id
            } else {
                guard let id = try await write.rows(creator.ledgerUpsert()).first?.decode(Int64.self) else { return 0 }
                creatorID = id
            }
            var added = 0
            for snapshot in snapshots {
                added += try await write.rows(snapshot.ledgerInsert(creatorID: creatorID)).count
            }
            _ = write.nextRevision(creators: true)
            return added
        }
    }
}
