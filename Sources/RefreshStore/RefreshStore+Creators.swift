import Foundation
import GRDB
import RefreshAPI
import RefreshTracking

extension RefreshStore {
    public func creators() async throws -> [StoredCreator] {
        try await database.read { db in
            try CreatorRecord.order(Column("last_refreshed_at").desc).fetchAll(db).map(\.creator)
        }
    }

    public func creators(where prefilter: CreatorPrefilter) async throws -> [StoredCreator] {
        let (condition, values) = prefilter.sql { _ in "?" }
        let arguments = StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .number(let number): number
            case .text(let text): text
            }
        })
        return try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM creator WHERE \(condition) ORDER BY last_refreshed_at DESC", arguments: arguments
            ).map { CreatorRecord(row: $0).creator }
        }
    }

    public func creators(matching query: String) async throws -> [StoredCreator] {
        let wanted = (query.hasPrefix("@") ? String(query.dropFirst()) : query).lowercased()
        return try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM creator WHERE lower(key) = :wanted OR lower(handle) = :wanted
                        OR lower(platform_id) = :wanted OR lower(name) = :wanted
                    """,
                arguments: ["wanted": wanted]
            ).map { CreatorRecord(row: $0).creator }
        }
    }

    public func history(ofCreatorRefreshedBy id: RequestID) async throws -> [CreatorSnapshot] {
        try await database.read { db in
            guard let creatorID = try Int64.fetchOne(
                db, sql: "SELECT creator_id FROM snapshot WHERE request_id = ?", arguments: [id.rawValue])
            else { return [] }
            return try Self.snapshots(db, of: creatorID)
        }
    }

    public func history(of creator: StoredCreator) async throws -> [CreatorSnapshot] {
        guard let id = creator.id else { return [] }
        return try await database.read { db in try Self.snapshots(db, of: id) }
    }

    private static func snapshots(_ db: Database, of creatorID: Int64) throws -> [CreatorSnapshot] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM snapshot WHERE creator_id = ? ORDER BY taken_at, id", arguments: [creatorID]
        ).map { SnapshotRecord(row: $0).snapshot }
    }
}
