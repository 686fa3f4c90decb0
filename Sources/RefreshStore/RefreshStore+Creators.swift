import Foundation
import GRDB
import RefreshAPI

extension RefreshStore {
    /// Every creator, most recently refreshed first.
    public func creators() throws -> [StoredCreator] {
        try database.read { db in try StoredCreator.order(Column("last_refreshed_at").desc).fetchAll(db) }
    }

    /// The creators whose key, handle or name is `query` (case-insensitive; a leading `@` is ignored).
    public func creators(matching query: String) throws -> [StoredCreator] {
        let wanted = (query.hasPrefix("@") ? String(query.dropFirst()) : query).lowercased()
        return try database.read { db in
            try StoredCreator.filter(
                Column("key").lowercased == wanted || Column("handle").lowercased == wanted
                    || Column("name").lowercased == wanted
            ).fetchAll(db)
        }
    }

    /// The snapshots of the creator that the refresh `id` was about, oldest first; empty when it made none.
    public func history(ofCreatorRefreshedBy id: RequestID) throws -> [CreatorSnapshot] {
        try database.read { db in
            guard let creatorID = try Int64.fetchOne(
                db, sql: "SELECT creator_id FROM snapshot WHERE request_id = ? LIMIT 1", arguments: [id.rawValue])
            else { return [] }
            return try CreatorSnapshot.filter(Column("creator_id") == creatorID).order(Column("taken_at"), Column("id"))
                .fetchAll(db)
        }
    }

    /// A creator's snapshots, oldest first.
    public func history(of creator: StoredCreator) throws -> [CreatorSnapshot] {
        guard let id = creator.id else { return [] }
        return try database.read { db in
            try CreatorSnapshot.filter(Column("creator_id") == id).order(Column("taken_at"), Column("id")).fetchAll(db)
        }
    }
}
