import Foundation
import GRDB
import RefreshTracking

/// A row of `creator`.
struct CreatorRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "creator"

    var creator: StoredCreator

    init(_ creator: StoredCreator) {
        self.creator = creator
    }

    init(row: Row) {
        creator = StoredCreator(
            id: row["id"], platform: row["platform"], key: row["key"], handle: row["handle"], platformID: row["platform_id"],
            name: row["name"], tier: row["tier"], followers: row["followers"], engagement: row["engagement"],
            contentPerWeek: row["content_per_week"], posts: row["posts"], previousFollowers: row["previous_followers"],
            followersGrowthMonth: row["followers_growth_month"], sponsoredShare: row["sponsored_share"],
            category: row["category"], city: row["city"], country: row["country"], biography: row["biography"],
            lastRefreshedAt: Date(timeIntervalSince1970: row["last_refreshed_at"]))
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = creator.id
        container["platform"] = creator.platform
        container["key"] = creator.key
        container["handle"] = creator.handle
        container["platform_id"] = creator.platformID
        container["name"] = creator.name
        container["tier"] = creator.tier
        container["followers"] = creator.followers
        container["engagement"] = creator.engagement
        container["content_per_week"] = creator.contentPerWeek
        container["posts"] = creator.posts
        container["previous_followers"] = creator.previousFollowers
        container["followers_growth_month"] = creator.followersGrowthMonth
        container["sponsored_share"] = creator.sponsoredShare
        container["category"] = creator.category
        container["city"] = creator.city
        container["country"] = creator.country
        container["biography"] = creator.biography
        container["last_refreshed_at"] = creator.lastRefreshedAt.timeIntervalSince1970
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        creator.id = inserted.rowID
    }
}

/// A row of `snapshot`: a creator's figures at one refresh.
struct SnapshotRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "snapshot"

    var snapshot: CreatorSnapshot

    init(_ snapshot: CreatorSnapshot) {
        self.snapshot = snapshot
    }

    init(row: Row) {
        snapshot = CreatorSnapshot(
            id: row["id"], creatorID: row["creator_id"], requestID: row["request_id"],
            takenAt: Date(timeIntervalSince1970: row["taken_at"]), followers: row["followers"], following: row["following"],
            posts: row["posts"], engagement: row["engagement"], tier: row["tier"])
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = snapshot.id
        container["creator_id"] = snapshot.creatorID
        container["request_id"] = snapshot.requestID
        container["taken_at"] = snapshot.takenAt.timeIntervalSince1970
        container["followers"] = snapshot.followers
        container["following"] = snapshot.following
        container["posts"] = snapshot.posts
        container["engagement"] = snapshot.engagement
        container["tier"] = snapshot.tier
    }
}

/// A row of `response`: the body of a finished response, exactly as received.
struct ResponseRecord: PersistableRecord {
    static let databaseTableName = "response"

    let requestID: String
    let receivedAt: Date
    let body: Data

    func encode(to container: inout PersistenceContainer) {
        container["request_id"] = requestID
        container["received_at"] = receivedAt.timeIntervalSince1970
        container["body"] = body
    }
}

/// A row of `forgotten`: a tombstone of a forgotten request, for the change feed.
struct TombstoneRecord: PersistableRecord {
    static let databaseTableName = "forgotten"

    let revision: Int64
    let localID: Int64?
    let requestID: String?
    let forgottenAt: Date

    func encode(to container: inout PersistenceContainer) {
        container["revision"] = revision
        container["local_id"] = localID
        container["request_id"] = requestID
        container["forgotten_at"] = forgottenAt.timeIntervalSince1970
    }
}
