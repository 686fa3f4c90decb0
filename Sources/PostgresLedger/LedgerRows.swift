import Foundation
import PostgresNIO
import RefreshTracking

// How the tracking module's values are read from the ledger's rows: each table's columns listed once, selected by
// that list and read by name.

extension PostgresRandomAccessRow {
    func value<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try self[column].decode(Value.self)
    }

    func date(_ column: String) throws -> Date {
        Date(timeIntervalSince1970: try value(column, as: Double.self))
    }

    func optionalDate(_ column: String) throws -> Date? {
        try value(column, as: Double?.self).map(Date.init(timeIntervalSince1970:))
    }
}

extension TrackedRequest {
    /// The columns of `ylytic.request` a request is read from.
    static let ledgerColumns = """
        id, request_id, request_type, target_value, state, status_code, status_message, detail, submitted_at,
        server_request_at, finished_at, last_polled_at, next_poll_at, error_count, lease_holder, lease_expires_at,
        creator_name, followers, submitted_by
        """

    init(ledgerRow row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        self.init(
            id: try cells.value("id", as: Int64.self), requestID: try cells.value("request_id"), requestType: try cells.value("request_type"),
            targetValue: try cells.value("target_value"), state: TrackedState(rawValue: try cells.value("state", as: String.self)) ?? .unknown,
            submittedAt: try cells.date("submitted_at"), errorCount: try cells.value("error_count"),
            leaseHolder: try cells.value("lease_holder", as: String?.self).map(LeaseHolder.init),
            leaseExpiresAt: try cells.optionalDate("lease_expires_at"), submittedBy: try cells.value("submitted_by"))
        statusCode = try cells.value("status_code")
        statusMessage = try cells.value("status_message")
        detail = try cells.value("detail")
        serverRequestAt = try cells.optionalDate("server_request_at")
        finishedAt = try cells.optionalDate("finished_at")
        lastPolledAt = try cells.optionalDate("last_polled_at")
        nextPollAt = try cells.optionalDate("next_poll_at")
        creatorName = try cells.value("creator_name")
        followers = try cells.value("followers")
    }
}

extension StoredCreator {
    /// The columns of `ylytic.creator` a creator is read from.
    static let ledgerColumns = """
        id, platform, key, handle, platform_id, name, tier, followers, engagement, content_per_week, posts,
        previous_followers, followers_growth_month, sponsored_share, category, city, country, biography,
        last_refreshed_at
        """

    init(ledgerRow row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        self.init(
            id: try cells.value("id", as: Int64.self), platform: try cells.value("platform"), key: try cells.value("key"),
            handle: try cells.value("handle"), platformID: try cells.value("platform_id"), name: try cells.value("name"),
            tier: try cells.value("tier"), followers: try cells.value("followers"), engagement: try cells.value("engagement"),
            contentPerWeek: try cells.value("content_per_week"), posts: try cells.value("posts"),
            previousFollowers: try cells.value("previous_followers"),
            followersGrowthMonth: try cells.value("followers_growth_month"),
            sponsoredShare: try cells.value("sponsored_share"), category: try cells.value("category"),
            city: try cells.value("city"), country: try cells.value("country"), biography: try cells.value("biography"),
            lastRefreshedAt: try cells.date("last_refreshed_at"))
    }
}

extension CreatorSnapshot {
    /// The columns of `ylytic.snapshot` a snapshot is read from.
    static let ledgerColumns = "id, creator_id, request_id, taken_at, followers, following, posts, engagement, tier"

    init(ledgerRow row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        self.init(
            id: try cells.value("id", as: Int64.self), creatorID: try cells.value("creator_id"), requestID: try cells.value("request_id"),
            takenAt: try cells.date("taken_at"), followers: try cells.value("followers"), following: try cells.value("following"),
            posts: try cells.value("posts"), engagement: try cells.value("engagement"), tier: try cells.value("tier"))
    }
}

extension Roster {
    /// The columns of `ylytic.roster` a roster is read from, with its members counted.
    static let ledgerColumns = "id, name, max_age, created_at, (SELECT count(*) FROM ylytic.roster_member WHERE roster_id = roster.id) AS members"

    init(ledgerRow row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        self.init(
            id: try cells.value("id"), name: try cells.value("name"), maxAge: try cells.value("max_age"), createdAt: try cells.date("created_at"),
            memberCount: Int(try cells.value("members", as: Int64.self)))
    }
}
