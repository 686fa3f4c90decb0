import Foundation
import PostgresNIO
import RefreshTracking

// How the tracking module's values are read from and written to the ledger's rows. Columns are selected in a
// fixed order and read by position: lists of many thousand requests load without a name lookup per cell.

/// Reads a row's cells in order.
struct CellReader {
    private let row: PostgresRandomAccessRow
    private var index = 0

    init(_ row: PostgresRow) {
        self.row = row.makeRandomAccess()
    }

    mutating func next<Value: PostgresDecodable>(_ type: Value.Type = Value.self) throws -> Value {
        defer { index += 1 }
        return try row[index].decode(Value.self)
    }

    mutating func date() throws -> Date {
        Date(timeIntervalSince1970: try next(Double.self))
    }

    mutating func optionalDate() throws -> Date? {
        try next(Double?.self).map(Date.init(timeIntervalSince1970:))
    }
}

extension TrackedRequest {
    /// The columns ``init(ledgerRow:)`` reads, in its order.
    static let ledgerColumns = """
        id, request_id, request_type, target_value, state, status_code, status_message, detail, submitted_at,
        server_request_at, finished_at, last_polled_at, next_poll_at, error_count, lease_holder, lease_expires_at,
        creator_name, followers, submitted_by
        """

    init(ledgerRow row: PostgresRow) throws {
        var cells = CellReader(row)
        self.init(
            id: try cells.next(Int64.self), requestID: try cells.next(String?.self), requestType: try cells.next(),
            targetValue: try cells.next(), state: TrackedState(rawValue: try cells.next(String.self)) ?? .unknown,
            submittedAt: Date(timeIntervalSince1970: 0))
        statusCode = try cells.next(Int?.self)
        statusMessage = try cells.next(String?.self)
        detail = try cells.next(String?.self)
        submittedAt = try cells.date()
        serverRequestAt = try cells.optionalDate()
        finishedAt = try cells.optionalDate()
        lastPolledAt = try cells.optionalDate()
        nextPollAt = try cells.optionalDate()
        errorCount = try cells.next(Int.self)
        leaseHolder = try cells.next(String?.self).map(LeaseHolder.init)
        leaseExpiresAt = try cells.optionalDate()
        creatorName = try cells.next(String?.self)
        followers = try cells.next(Int?.self)
        submittedBy = try cells.next(String?.self)
    }

    /// An insert of every column but `id`, at `revision`, returning the new row's id.
    func ledgerInsert(revision: Int64) -> PostgresQuery {
        """
        INSERT INTO ylytic.request (request_id, request_type, target_value, state, status_code, status_message, detail,
            submitted_at, server_request_at, finished_at, last_polled_at, next_poll_at, error_count, lease_holder,
            lease_expires_at, creator_name, followers, submitted_by, revision)
        VALUES (\(requestID), \(requestType), \(targetValue), \(state.rawValue), \(statusCode), \(statusMessage),
            \(detail), \(submittedAt.timeIntervalSince1970), \(serverRequestAt?.timeIntervalSince1970),
            \(finishedAt?.timeIntervalSince1970), \(lastPolledAt?.timeIntervalSince1970),
            \(nextPollAt?.timeIntervalSince1970), \(errorCount), \(leaseHolder?.rawValue),
            \(leaseExpiresAt?.timeIntervalSince1970), \(creatorName), \(followers), \(submittedBy), \(revision))
        RETURNING id
        """
    }

    /// An update of every column but `id` of row `id`, at `revision`.
    func ledgerUpdate(id: Int64, revision: Int64) -> PostgresQuery {
        """
        UPDATE ylytic.request SET request_id = \(requestID), request_type = \(requestType),
            target_value = \(targetValue), state = \(state.rawValue), status_code = \(statusCode),
            status_message = \(statusMessage), detail = \(detail), submitted_at = \(submittedAt.timeIntervalSince1970),
            server_request_at = \(serverRequestAt?.timeIntervalSince1970),
            finished_at = \(finishedAt?.timeIntervalSince1970), last_polled_at = \(lastPolledAt?.timeIntervalSince1970),
            next_poll_at = \(nextPollAt?.timeIntervalSince1970), error_count = \(errorCount),
            lease_holder = \(leaseHolder?.rawValue), lease_expires_at = \(leaseExpiresAt?.timeIntervalSince1970),
            creator_name = \(creatorName), followers = \(followers), submitted_by = \(submittedBy),
            revision = \(revision)
        WHERE id = \(id)
        """
    }
}

extension StoredCreator {
    static let ledgerColumns = """
        id, platform, key, handle, platform_id, name, tier, followers, engagement, content_per_week, posts,
        last_refreshed_at
        """

    init(ledgerRow row: PostgresRow) throws {
        var cells = CellReader(row)
        self.init(
            id: try cells.next(Int64.self), platform: try cells.next(), key: try cells.next(),
            handle: try cells.next(String?.self), platformID: try cells.next(String?.self),
            name: try cells.next(String?.self), tier: try cells.next(String?.self), followers: try cells.next(Int?.self),
            engagement: try cells.next(Double?.self), contentPerWeek: try cells.next(Double?.self),
            posts: try cells.next(Int?.self), lastRefreshedAt: try cells.date())
    }

    /// The columns' values for an insert (`id` aside), or an update of row `id`.
    func ledgerUpsert() -> PostgresQuery {
        """
        INSERT INTO ylytic.creator (platform, key, handle, platform_id, name, tier, followers, engagement,
            content_per_week, posts, last_refreshed_at)
        VALUES (\(platform), \(key), \(handle), \(platformID), \(name), \(tier), \(followers), \(engagement),
            \(contentPerWeek), \(posts), \(lastRefreshedAt.timeIntervalSince1970))
        ON CONFLICT (platform, key) DO UPDATE SET handle = excluded.handle, platform_id = excluded.platform_id,
            name = excluded.name, tier = excluded.tier, followers = excluded.followers, engagement = excluded.engagement,
            content_per_week = excluded.content_per_week, posts = excluded.posts,
            last_refreshed_at = excluded.last_refreshed_at
        RETURNING id
        """
    }
}

extension CreatorSnapshot {
    static let ledgerColumns = "id, creator_id, request_id, taken_at, followers, following, posts, engagement, tier"

    init(ledgerRow row: PostgresRow) throws {
        var cells = CellReader(row)
        self.init(
            id: try cells.next(Int64.self), creatorID: try cells.next(), requestID: try cells.next(),
            takenAt: try cells.date(), followers: try cells.next(Int?.self), following: try cells.next(Int?.self),
            posts: try cells.next(Int?.self), engagement: try cells.next(Double?.self), tier: try cells.next(String?.self))
    }

    /// An insert under `creatorID`, skipped when the refresh already gave one.
    func ledgerInsert(creatorID: Int64) -> PostgresQuery {
        """
        INSERT INTO ylytic.snapshot (creator_id, request_id, taken_at, followers, following, posts, engagement, tier)
        VALUES (\(creatorID), \(requestID), \(takenAt.timeIntervalSince1970), \(followers), \(following), \(posts),
            \(engagement), \(tier))
        ON CONFLICT (request_id) DO NOTHING
        RETURNING id
        """
    }
}
