import Foundation
import GRDB
import RefreshAPI
import RefreshTracking

// How the tracking module's values are read from and written to SQLite rows. Columns are read by name and
// written by hand: lists of ten thousand requests load several times faster than through Codable.

extension TrackedRequest {
    init(row: Row) {
        self.init(
            id: row["id"], requestID: row["request_id"], requestType: row["request_type"],
            targetValue: row["target_value"], state: TrackedState(rawValue: row["state"]) ?? .unknown,
            submittedAt: Date(timeIntervalSince1970: row["submitted_at"]), errorCount: row["error_count"],
            leaseHolder: (row["lease_holder"] as String?).map(LeaseHolder.init),
            leaseExpiresAt: Self.date(row["lease_expires_at"]), submittedBy: row["submitted_by"])
        statusCode = row["status_code"]
        statusMessage = row["status_message"]
        detail = row["detail"]
        serverRequestAt = Self.date(row["server_request_at"])
        finishedAt = Self.date(row["finished_at"])
        lastPolledAt = Self.date(row["last_polled_at"])
        nextPollAt = Self.date(row["next_poll_at"])
        creatorName = row["creator_name"]
        followers = row["followers"]
    }

    /// Every column but `id`, for an insert or an update, at `revision`.
    func columns(revision: Int64) -> [String: (any DatabaseValueConvertible)?] {
        [
            "request_id": requestID, "request_type": requestType, "target_value": targetValue, "state": state.rawValue,
            "status_code": statusCode, "status_message": statusMessage, "detail": detail,
            "submitted_at": submittedAt.timeIntervalSince1970, "server_request_at": serverRequestAt?.timeIntervalSince1970,
            "finished_at": finishedAt?.timeIntervalSince1970, "last_polled_at": lastPolledAt?.timeIntervalSince1970,
            "next_poll_at": nextPollAt?.timeIntervalSince1970, "error_count": errorCount,
            "lease_holder": leaseHolder?.rawValue, "lease_expires_at": leaseExpiresAt?.timeIntervalSince1970,
            "creator_name": creatorName, "followers": followers, "submitted_by": submittedBy, "revision": revision,
        ]
    }

    private static func date(_ seconds: Double?) -> Date? {
        seconds.map(Date.init(timeIntervalSince1970:))
    }
}

extension StoredCreator {
    init(row: Row) {
        self.init(
            id: row["id"], platform: row["platform"], key: row["key"], handle: row["handle"],
            platformID: row["platform_id"], name: row["name"],
            tier: row["tier"], followers: row["followers"], engagement: row["engagement"],
            contentPerWeek: row["content_per_week"], posts: row["posts"],
            lastRefreshedAt: Date(timeIntervalSince1970: row["last_refreshed_at"]))
    }

    var columns: [String: (any DatabaseValueConvertible)?] {
        [
            "platform": platform, "key": key, "handle": handle, "platform_id": platformID, "name": name, "tier": tier,
            "followers": followers,
            "engagement": engagement, "content_per_week": contentPerWeek, "posts": posts,
            "last_refreshed_at": lastRefreshedAt.timeIntervalSince1970,
        ]
    }
}

extension CreatorSnapshot {
    init(row: Row) {
        self.init(
            id: row["id"], creatorID: row["creator_id"], requestID: row["request_id"],
            takenAt: Date(timeIntervalSince1970: row["taken_at"]), followers: row["followers"],
            following: row["following"], posts: row["posts"], engagement: row["engagement"], tier: row["tier"])
    }
}

extension Database {
    /// Inserts a row into `table`; returns its row id.
    func insert(into table: String, _ columns: [String: (any DatabaseValueConvertible)?], orIgnore: Bool = false)
        throws -> Int64
    {
        let names = columns.keys.sorted()
        try execute(
            sql: "INSERT \(orIgnore ? "OR IGNORE " : "")INTO \(table) (\(names.joined(separator: ", "))) VALUES "
                + "(\(names.map { _ in "?" }.joined(separator: ", ")))",
            arguments: StatementArguments(names.map { columns[$0]! }))
        return lastInsertedRowID
    }

    /// Updates the row `id` of `table`.
    func update(_ table: String, id: Int64, _ columns: [String: (any DatabaseValueConvertible)?]) throws {
        let names = columns.keys.sorted()
        try execute(
            sql: "UPDATE \(table) SET \(names.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
            arguments: StatementArguments(names.map { columns[$0]! } + [id]))
    }

    /// Moves the store's revision on and returns the new one; `creators` marks a change of creators too.
    func nextRevision(creators: Bool = false) throws -> Int64 {
        let sql =
            creators
            ? "UPDATE store_revision SET value = value + 1, creators_changed_at = value + 1 RETURNING value"
            : "UPDATE store_revision SET value = value + 1 RETURNING value"
        guard let revision = try Int64.fetchOne(self, sql: sql) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the store's revision is missing")
        }
        return revision
    }
}
