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

    public func creators(where prefilter: CreatorPrefilter) async throws -> [StoredCreator] {
        let (condition, values) = prefilter.sql { "$\($0)" }
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .number(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            }
        }
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(StoredCreator.ledgerColumns) FROM ylytic.creator WHERE \(condition) "
                + "ORDER BY last_refreshed_at DESC",
            binds: bindings)
        return try await read { connection, logger in
            try await connection.query(query, logger: logger).collect().map(StoredCreator.init(ledgerRow:))
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
}
