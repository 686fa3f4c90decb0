import Foundation
import GRDB

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

    /// A creator's snapshots, oldest first.
    public func history(of creator: StoredCreator) throws -> [CreatorSnapshot] {
        guard let id = creator.id else { return [] }
        return try database.read { db in
            try CreatorSnapshot.filter(Column("creator_id") == id).order(Column("taken_at"), Column("id")).fetchAll(db)
        }
    }
}
