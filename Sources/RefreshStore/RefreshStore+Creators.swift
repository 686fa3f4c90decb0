import Foundation
import GRDB
import RefreshAPI
import RefreshTracking

extension RefreshStore {
    public func creators() async throws -> [StoredCreator] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM creator ORDER BY last_refreshed_at DESC").map(StoredCreator.init(row:))
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
            ).map(StoredCreator.init(row:))
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
        ).map(CreatorSnapshot.init(row:))
    }
}

extension RefreshStore {
    public func adopt(_ request: TrackedRequest, body: Data?, receivedAt: Date?) async throws -> Adoption {
        guard let requestID = request.requestID else { return .left }
        return try await database.write { db in
            var copy = request
            copy.leaseHolder = nil
            copy.leaseExpiresAt = nil
            let adoption: Adoption
            if let existing = try Self.request(db, RequestID(requestID)) {
                guard let id = existing.id, Adoption.copyEnds(existing, with: copy) else { return .left }
                copy.submittedBy = copy.submittedBy ?? existing.submittedBy
                try db.update("request", id: id, copy.columns(revision: try db.nextRevision()))
                adoption = .updated
            } else {
                _ = try db.insert(into: "request", copy.columns(revision: try db.nextRevision()))
                adoption = .added
            }
            if let body {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO response (request_id, received_at, body) VALUES (?, ?, ?)",
                    arguments: [requestID, (receivedAt ?? request.finishedAt ?? request.submittedAt).timeIntervalSince1970, body])
            }
            return adoption
        }
    }

    public func adopt(_ creator: StoredCreator, snapshots: [CreatorSnapshot]) async throws -> Int {
        try await database.write { db in
            let existing = try Row.fetchOne(
                db, sql: "SELECT * FROM creator WHERE platform = ? AND key = ?", arguments: [creator.platform, creator.key]
            ).map(StoredCreator.init(row:))
            let creatorID: Int64
            if let existing, let id = existing.id {
                creatorID = id
                if creator.lastRefreshedAt > existing.lastRefreshedAt { try db.update("creator", id: id, creator.columns) }
            } else {
                creatorID = try db.insert(into: "creator", creator.columns)
            }
            var added = 0
            for snapshot in snapshots {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO snapshot (creator_id, request_id, taken_at, followers, following, posts,
                            engagement, tier)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        creatorID, snapshot.requestID, snapshot.takenAt.timeIntervalSince1970, snapshot.followers,
                        snapshot.following, snapshot.posts, snapshot.engagement, snapshot.tier,
                    ])
                added += db.changesCount
            }
            _ = try db.nextRevision(creators: true)
            return added
        }
    }
}
