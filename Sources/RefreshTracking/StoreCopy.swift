import Foundation
import RefreshAPI

/// What a store did with a request copied into it.
public enum Adoption: Sendable, Equatable {
    /// It had no request with that server id: it has now.
    case added
    /// It had it still under way, and took the copy's end.
    case updated
    /// It had it already (ended, or as far along as the copy), or the copy had no server id: nothing changed.
    case left

    /// Whether a request this store has under way should take `copy`'s end instead.
    public static func copyEnds(_ existing: TrackedRequest, with copy: TrackedRequest) -> Bool {
        let ended: Set<TrackedState> = [.succeeded, .failed]
        return !ended.contains(existing.state) && ended.contains(copy.state)
    }
}

/// Copies one store into another (a local file into a team's ledger, and back): every request with a server id,
/// with its response body, every creator with its snapshots, and every roster with its creators. Request ids,
/// bodies, snapshots and when each creator joined a roster are kept; what the destination has already is left, so
/// copying twice adds nothing twice. Bodies are read and written one at a time, so a store of any size is copied
/// in little memory.
public enum StoreCopy {
    /// What a copy did.
    public struct Report: Sendable, Equatable, Encodable {
        /// Requests added to the destination.
        public var requestsAdded = 0
        /// Requests the destination had still under way, which took the copy's end.
        public var requestsUpdated = 0
        /// Requests the destination had already (by server id).
        public var requestsPresent = 0
        /// Requests without a server id (never answered by the server), which are not copied.
        public var requestsWithoutID = 0
        /// Responses copied with their requests.
        public var responsesAdded = 0
        /// Creators copied or brought up to date.
        public var creators = 0
        /// Snapshots added to the destination.
        public var snapshotsAdded = 0
        /// Rosters the destination did not have, made.
        public var rostersAdded = 0
        /// Creators added to rosters.
        public var rosterMembersAdded = 0
        /// Rosters the destination could not take whole (it would hold more creators than a roster may), by name.
        public var rostersRefused: [String] = []

        public init() {}

        enum CodingKeys: String, CodingKey {
            case requestsAdded = "requests_added", requestsUpdated = "requests_updated", requestsPresent = "requests_present"
            case requestsWithoutID = "requests_without_id", responsesAdded = "responses_added", creators
            case snapshotsAdded = "snapshots_added", rostersAdded = "rosters_added"
            case rosterMembersAdded = "roster_members_added", rostersRefused = "rosters_refused"
        }
    }

    /// Copies `source` into `destination`; `progress` hears each request copied (or not).
    public static func copy(
        from source: any TrackingStore, to destination: any TrackingStore,
        progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws -> Report {
        var report = Report()
        // Oldest first, so that the destination's store numbers follow the order they were submitted in.
        let requests = try await source.requests(in: nil).reversed()
        for (index, request) in requests.enumerated() {
            defer { progress(index + 1, requests.count) }
            guard let id = request.requestID else {
                report.requestsWithoutID += 1
                continue
            }
            let body = try await source.responseBody(RequestID(id))
            switch try await destination.adopt(request, body: body, receivedAt: nil) {
            case .added:
                report.requestsAdded += 1
                if body != nil { report.responsesAdded += 1 }
            case .updated:
                report.requestsUpdated += 1
                if body != nil { report.responsesAdded += 1 }
            case .left:
                report.requestsPresent += 1
            }
        }
        for creator in try await source.creators() {
            report.snapshotsAdded += try await destination.adopt(creator, snapshots: try await source.history(of: creator))
            report.creators += 1
        }
        for roster in try await source.rosters() {
            do {
                let addition = try await destination.adopt(roster, members: try await source.rosterMembers(of: roster.name))
                if addition.created { report.rostersAdded += 1 }
                report.rosterMembersAdded += addition.added
            } catch is RosterError {
                // The only refusal a copy meets: the roster there would hold more than a roster may.
                report.rostersRefused.append(roster.name)
            }
        }
        return report
    }

    /// The tables a copy carries, by the names both stores give them.
    public static let carriedTables: Set<String> = ["request", "response", "creator", "snapshot", "roster", "roster_member"]

    /// The tables a copy leaves, and why: each store's own bookkeeping, which the destination keeps for itself.
    public static let storesOwnTables: [String: String] = [
        "store_revision": "the store's revision, for its change feed",
        "forgotten": "tombstones of forgotten requests, for its change feed",
        "grdb_migrations": "the schema versions of a file",
        "schema_version": "the schema versions of a ledger",
        "store_setting": "the settings every process using the store keeps to (its budget), which a copy does not overrule",
        "paid_refresh": "the refreshes paid for through that store, counted where they were sent (a copy sends nothing)",
    ]
}
