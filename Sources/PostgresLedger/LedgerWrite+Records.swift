import Foundation
import PostgresNIO
import RefreshAPI
import RefreshTracking

/// The records the rulebook reads and saves, as statements of one ledger transaction.
extension LedgerWrite: StoreTransaction {
    func nextRevision(creators: Bool) async throws -> Int64 {
        takeRevision(creators: creators)
    }

    // MARK: Requests

    func request(localID: Int64) async throws -> TrackedRequest? {
        try await rows("SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request WHERE id = \(localID)")
            .first.map(TrackedRequest.init(ledgerRow:))
    }

    func request(_ id: RequestID) async throws -> TrackedRequest? {
        try await rows("SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request WHERE request_id = \(id.rawValue)")
            .first.map(TrackedRequest.init(ledgerRow:))
    }

    func requests(sameTargetAs target: RefreshTarget) async throws -> [TrackedRequest] {
        try await rows(
            """
            SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request
            WHERE request_type = \(target.type.rawValue) AND lower(target_value) = lower(\(target.value))
            ORDER BY submitted_at DESC, id DESC
            """
        ).map(TrackedRequest.init(ledgerRow:))
    }

    func requests(in states: Set<TrackedState>, among ids: [RequestID]?) async throws -> [TrackedRequest] {
        let wanted = ids?.map(\.rawValue)
        return try await rows(
            """
            SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request
            WHERE state = ANY(\(states.map(\.rawValue))) AND (\(wanted)::text[] IS NULL OR request_id = ANY(\(wanted)::text[]))
            """
        ).map(TrackedRequest.init(ledgerRow:))
    }

    func insert(_ request: TrackedRequest, revision: Int64) async throws -> Int64 {
        let inserted = try await rows(
            """
            INSERT INTO ylytic.request (request_id, request_type, target_value, state, status_code, status_message, detail,
                submitted_at, server_request_at, finished_at, last_polled_at, next_poll_at, error_count, lease_holder,
                lease_expires_at, creator_name, followers, submitted_by, revision)
            VALUES (\(request.requestID), \(request.requestType), \(request.targetValue), \(request.state.rawValue),
                \(request.statusCode), \(request.statusMessage), \(request.detail), \(request.submittedAt.timeIntervalSince1970),
                \(request.serverRequestAt?.timeIntervalSince1970), \(request.finishedAt?.timeIntervalSince1970),
                \(request.lastPolledAt?.timeIntervalSince1970), \(request.nextPollAt?.timeIntervalSince1970), \(request.errorCount),
                \(request.leaseHolder?.rawValue), \(request.leaseExpiresAt?.timeIntervalSince1970), \(request.creatorName),
                \(request.followers), \(request.submittedBy), \(revision))
            RETURNING id
            """)
        guard let id = try inserted.first?.decode(Int64.self) else { throw LedgerError("the ledger gave no id for a new row") }
        return id
    }

    func update(_ request: TrackedRequest, revision: Int64?) async throws {
        guard let id = request.id else { throw LedgerError("a request without a store number cannot be updated") }
        try await rows(
            """
            UPDATE ylytic.request SET request_id = \(request.requestID), request_type = \(request.requestType),
                target_value = \(request.targetValue), state = \(request.state.rawValue), status_code = \(request.statusCode),
                status_message = \(request.statusMessage), detail = \(request.detail),
                submitted_at = \(request.submittedAt.timeIntervalSince1970),
                server_request_at = \(request.serverRequestAt?.timeIntervalSince1970),
                finished_at = \(request.finishedAt?.timeIntervalSince1970),
                last_polled_at = \(request.lastPolledAt?.timeIntervalSince1970),
                next_poll_at = \(request.nextPollAt?.timeIntervalSince1970), error_count = \(request.errorCount),
                lease_holder = \(request.leaseHolder?.rawValue), lease_expires_at = \(request.leaseExpiresAt?.timeIntervalSince1970),
                creator_name = \(request.creatorName), followers = \(request.followers), submitted_by = \(request.submittedBy),
                revision = coalesce(\(revision), revision)
            WHERE id = \(id)
            """)
    }

    func delete(_ request: TrackedRequest, tombstoneRevision revision: Int64, at date: Date) async throws {
        guard let id = request.id else { return }
        try await rows("DELETE FROM ylytic.request WHERE id = \(id)")
        try await rows(
            """
            INSERT INTO ylytic.forgotten (revision, local_id, request_id, forgotten_at)
            VALUES (\(revision), \(id), \(request.requestID), \(date.timeIntervalSince1970))
            """)
    }

    func pruneTombstones(olderThan horizon: Date) async throws {
        guard
            let pruned = try await rows(
                "SELECT max(revision) FROM ylytic.forgotten WHERE forgotten_at < \(horizon.timeIntervalSince1970)"
            ).first?.decode(Int64?.self)
        else { return }
        try await rows("DELETE FROM ylytic.forgotten WHERE revision <= \(pruned)")
        try await rows("UPDATE ylytic.store_revision SET forgotten_pruned_through = \(pruned) WHERE id = 1")
    }

    // MARK: Leases

    func lease(_ localIDs: [Int64], to holder: LeaseHolder, until: Date, revision: Int64) async throws {
        try await rows(
            """
            UPDATE ylytic.request SET lease_holder = \(holder.rawValue), lease_expires_at = \(until.timeIntervalSince1970),
                revision = \(revision)
            WHERE id = ANY(\(localIDs))
            """)
    }

    func extendLeases(of holder: LeaseHolder, until: Date) async throws -> Set<RequestID> {
        let held = try await rows(
            """
            UPDATE ylytic.request SET lease_expires_at = \(until.timeIntervalSince1970)
            WHERE lease_holder = \(holder.rawValue) RETURNING request_id
            """)
        return Set(try held.compactMap { try $0.decode(String?.self) }.map { RequestID($0) })
    }

    func holdsLeases(_ holder: LeaseHolder) async throws -> Bool {
        try await !rows("SELECT 1 FROM ylytic.request WHERE lease_holder = \(holder.rawValue) LIMIT 1").isEmpty
    }

    func clearLeases(of holder: LeaseHolder, revision: Int64) async throws {
        try await rows(
            """
            UPDATE ylytic.request SET lease_holder = NULL, lease_expires_at = NULL, revision = \(revision)
            WHERE lease_holder = \(holder.rawValue)
            """)
    }

    // MARK: Responses

    func saveResponse(_ body: Data, of id: RequestID, receivedAt: Date, replacing: Bool) async throws {
        let received = receivedAt.timeIntervalSince1970
        if replacing {
            try await rows(
                """
                INSERT INTO ylytic.response (request_id, received_at, body) VALUES (\(id.rawValue), \(received), \(body))
                ON CONFLICT (request_id) DO UPDATE SET received_at = excluded.received_at, body = excluded.body
                """)
        } else {
            try await rows(
                """
                INSERT INTO ylytic.response (request_id, received_at, body) VALUES (\(id.rawValue), \(received), \(body))
                ON CONFLICT (request_id) DO NOTHING
                """)
        }
    }

    func deleteResponse(of id: RequestID) async throws -> Bool {
        try await !rows("DELETE FROM ylytic.response WHERE request_id = \(id.rawValue) RETURNING 1").isEmpty
    }

    // MARK: Creators

    func creator(platform: String, key: String) async throws -> StoredCreator? {
        try await rows(
            """
            SELECT \(unescaped: StoredCreator.ledgerColumns) FROM ylytic.creator WHERE platform = \(platform) AND key = \(key)
            """
        ).first.map(StoredCreator.init(ledgerRow:))
    }

    func save(_ creator: StoredCreator) async throws -> Int64 {
        let saved = try await rows(
            """
            INSERT INTO ylytic.creator (platform, key, handle, platform_id, name, tier, followers, engagement,
                content_per_week, posts, previous_followers, followers_growth_month, sponsored_share, category, city,
                country, biography, last_refreshed_at)
            VALUES (\(creator.platform), \(creator.key), \(creator.handle), \(creator.platformID), \(creator.name),
                \(creator.tier), \(creator.followers), \(creator.engagement), \(creator.contentPerWeek), \(creator.posts),
                \(creator.previousFollowers), \(creator.followersGrowthMonth), \(creator.sponsoredShare),
                \(creator.category), \(creator.city), \(creator.country), \(creator.biography),
                \(creator.lastRefreshedAt.timeIntervalSince1970))
            ON CONFLICT (platform, key) DO UPDATE SET handle = excluded.handle, platform_id = excluded.platform_id,
                name = excluded.name, tier = excluded.tier, followers = excluded.followers, engagement = excluded.engagement,
                content_per_week = excluded.content_per_week, posts = excluded.posts,
                previous_followers = excluded.previous_followers, followers_growth_month = excluded.followers_growth_month,
                sponsored_share = excluded.sponsored_share, category = excluded.category, city = excluded.city,
                country = excluded.country, biography = excluded.biography,
                last_refreshed_at = excluded.last_refreshed_at
            RETURNING id
            """)
        guard let id = try saved.first?.decode(Int64.self) else { throw LedgerError("the ledger gave no id for a creator") }
        return id
    }

    func insert(_ snapshot: CreatorSnapshot) async throws -> Bool {
        try await !rows(
            """
            INSERT INTO ylytic.snapshot (creator_id, request_id, taken_at, followers, following, posts, engagement, tier)
            VALUES (\(snapshot.creatorID), \(snapshot.requestID), \(snapshot.takenAt.timeIntervalSince1970), \(snapshot.followers),
                \(snapshot.following), \(snapshot.posts), \(snapshot.engagement), \(snapshot.tier))
            ON CONFLICT (request_id) DO NOTHING
            RETURNING id
            """
        ).isEmpty
    }

    func deleteSnapshots(ofRequest id: RequestID) async throws -> Int {
        try await rows("DELETE FROM ylytic.snapshot WHERE request_id = \(id.rawValue) RETURNING 1").count
    }

    func deleteCreatorsWithoutSnapshots() async throws {
        try await rows(
            "DELETE FROM ylytic.creator c WHERE NOT EXISTS (SELECT 1 FROM ylytic.snapshot s WHERE s.creator_id = c.id)")
    }

    // MARK: Paid refreshes and settings

    func insertPaidRefresh(ofRequest localID: Int64, at date: Date, submitter: String, roster: String?) async throws {
        try await rows(
            """
            INSERT INTO ylytic.paid_refresh (request_id, sent_at, submitter, roster)
            VALUES (\(localID), \(date.timeIntervalSince1970), \(submitter), \(roster))
            ON CONFLICT (request_id) DO UPDATE SET sent_at = excluded.sent_at, submitter = excluded.submitter,
                roster = excluded.roster
            """)
    }

    func deletePaidRefresh(ofRequest localID: Int64) async throws {
        try await rows("DELETE FROM ylytic.paid_refresh WHERE request_id = \(localID)")
    }

    func paidRefreshCount(since date: Date) async throws -> Int {
        try await rows("SELECT count(*) FROM ylytic.paid_refresh WHERE sent_at >= \(date.timeIntervalSince1970)")
            .first?.decode(Int.self) ?? 0
    }

    func setting(_ key: String) async throws -> String? {
        try await rows("SELECT value FROM ylytic.store_setting WHERE key = \(key)").first?.decode(String.self)
    }

    func setSetting(_ key: String, to value: String?) async throws {
        if let value {
            try await rows(
                """
                INSERT INTO ylytic.store_setting (key, value) VALUES (\(key), \(value))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """)
        } else {
            try await rows("DELETE FROM ylytic.store_setting WHERE key = \(key)")
        }
    }

    // MARK: Rosters

    func rosterID(named name: String) async throws -> Int64? {
        try await rows("SELECT id FROM ylytic.roster WHERE lower(name) = lower(\(name)) FOR UPDATE").first?.decode(Int64.self)
    }

    func insert(_ roster: Roster) async throws -> Int64 {
        let inserted = try await rows(
            """
            INSERT INTO ylytic.roster (name, max_age, created_at)
            VALUES (\(roster.name), \(roster.maxAge), \(roster.createdAt.timeIntervalSince1970))
            RETURNING id
            """)
        guard let id = try inserted.first?.decode(Int64.self) else { throw LedgerError("the ledger gave no id for a new roster") }
        return id
    }

    func setMaxAge(ofRoster id: Int64, to maxAge: TimeInterval?) async throws {
        try await rows("UPDATE ylytic.roster SET max_age = \(maxAge) WHERE id = \(id)")
    }

    func rename(roster id: Int64, to name: String) async throws {
        try await rows("UPDATE ylytic.roster SET name = \(name) WHERE id = \(id)")
    }

    func deleteRoster(_ id: Int64) async throws {
        try await rows("DELETE FROM ylytic.roster WHERE id = \(id)")
    }

    func addMembers(_ members: [(target: RefreshTarget, addedAt: Date)], toRoster id: Int64) async throws -> Int {
        // One statement for the whole list: a roster of thousands is one round trip.
        try await rows(
            """
            INSERT INTO ylytic.roster_member (roster_id, request_type, target_value, added_at)
            SELECT \(id), t.type, t.value, t.added_at
            FROM unnest(\(members.map(\.target.type.rawValue))::text[], \(members.map(\.target.value))::text[],
                \(members.map(\.addedAt.timeIntervalSince1970))::double precision[])
                WITH ORDINALITY AS t(type, value, added_at, position)
            ORDER BY t.position
            ON CONFLICT DO NOTHING
            RETURNING 1
            """
        ).count
    }

    func removeMembers(_ targets: [RefreshTarget], fromRoster id: Int64) async throws -> [RefreshTarget] {
        try await rows(
            """
            DELETE FROM ylytic.roster_member m
            USING unnest(\(targets.map(\.type.rawValue))::text[], \(targets.map(\.value))::text[]) AS t(type, value)
            WHERE m.roster_id = \(id) AND m.request_type = t.type AND m.target_value = t.value
            RETURNING m.request_type, m.target_value
            """
        ).map { row in
            let (type, value) = try row.decode((String, String).self)
            return RefreshTarget(uncheckedType: RequestType(rawValue: type) ?? .instagram, value: value)
        }
    }

    func memberCount(ofRoster id: Int64) async throws -> Int {
        try await rows("SELECT count(*) FROM ylytic.roster_member WHERE roster_id = \(id)").first?.decode(Int.self) ?? 0
    }
}
