import Foundation
import RefreshAPI

/// One write to a store, under its revision lock: the records the rules read, and the records they save. Every
/// write a ``TrackingStore`` makes is written once, in the rulebook of this module (``TransactionalStore``), over
/// these; a store implements them and nothing else: it loads and saves.
public protocol StoreTransaction: Sendable {
    // MARK: Revisions

    /// Moves the store's revision on and returns it; `creators` tells readers that creators or rosters changed too.
    func nextRevision(creators: Bool) async throws -> Int64

    // MARK: Requests

    func request(localID: Int64) async throws -> TrackedRequest?

    func request(_ id: RequestID) async throws -> TrackedRequest?

    /// The requests of `target`'s type whose target is the same whatever its case, newest first.
    func requests(sameTargetAs target: RefreshTarget) async throws -> [TrackedRequest]

    /// The requests in one of `states` (only those with these server ids, when given).
    func requests(in states: Set<TrackedState>, among ids: [RequestID]?) async throws -> [TrackedRequest]

    /// Writes a new request at `revision`; returns its store number.
    func insert(_ request: TrackedRequest, revision: Int64) async throws -> Int64

    /// Writes every field of the request with its store number, at `revision`; nil keeps the row's revision (what
    /// changed is nothing another process shows).
    func update(_ request: TrackedRequest, revision: Int64?) async throws

    /// Deletes the request and leaves a tombstone for the change feed at `revision`.
    func delete(_ request: TrackedRequest, tombstoneRevision revision: Int64, at date: Date) async throws

    /// Deletes the tombstones older than `horizon`; a reader last seen before the newest of them reads everything
    /// again.
    func pruneTombstones(olderThan horizon: Date) async throws

    // MARK: Paid refreshes and settings

    /// Counts the intent with this store number as a paid refresh sent at `date`.
    func insertPaidRefresh(ofRequest localID: Int64, at date: Date, submitter: String, roster: String?) async throws

    /// Takes the intent with this store number out of the paid refreshes (its POST was never sent, or certainly
    /// created nothing).
    func deletePaidRefresh(ofRequest localID: Int64) async throws

    /// How many paid refreshes were sent at or after `date`.
    func paidRefreshCount(since date: Date) async throws -> Int

    /// A setting the store keeps for every process using it (`budget`); nil when unset.
    func setting(_ key: String) async throws -> String?

    /// Sets a setting (nil: unsets it).
    func setSetting(_ key: String, to value: String?) async throws

    // MARK: Leases

    /// Gives the leases of these requests (by store number) to `holder` until `until`, at `revision`.
    func lease(_ localIDs: [Int64], to holder: LeaseHolder, until: Date, revision: Int64) async throws

    /// Extends every lease `holder` has; returns the server ids of the requests it holds.
    func extendLeases(of holder: LeaseHolder, until: Date) async throws -> Set<RequestID>

    /// Whether `holder` has any lease.
    func holdsLeases(_ holder: LeaseHolder) async throws -> Bool

    /// Gives up every lease `holder` has, at `revision`.
    func clearLeases(of holder: LeaseHolder, revision: Int64) async throws

    // MARK: Responses

    /// Keeps the body of a finished response; `replacing` one the store has already, or leaving it.
    func saveResponse(_ body: Data, of id: RequestID, receivedAt: Date, replacing: Bool) async throws

    /// Deletes the body of a response; whether there was one.
    func deleteResponse(of id: RequestID) async throws -> Bool

    // MARK: Creators

    func creator(platform: String, key: String) async throws -> StoredCreator?

    /// Writes the creator (a new one, or the one with its platform and key); returns its store number.
    func save(_ creator: StoredCreator) async throws -> Int64

    /// Writes a snapshot unless its request gave one already; whether it was written.
    func insert(_ snapshot: CreatorSnapshot) async throws -> Bool

    /// Deletes the snapshot a request gave; how many went.
    func deleteSnapshots(ofRequest id: RequestID) async throws -> Int

    /// Deletes the creators no snapshot is about any more.
    func deleteCreatorsWithoutSnapshots() async throws

    // MARK: Rosters

    /// The store number of the roster named `name` (whatever its case), locked for this write.
    func rosterID(named name: String) async throws -> Int64?

    /// Writes a new roster; returns its store number.
    func insert(_ roster: Roster) async throws -> Int64

    func setMaxAge(ofRoster id: Int64, to maxAge: TimeInterval?) async throws

    func rename(roster id: Int64, to name: String) async throws

    func deleteRoster(_ id: Int64) async throws

    /// Adds the members the roster lacks, in order; returns how many were added.
    func addMembers(_ members: [(target: RefreshTarget, addedAt: Date)], toRoster id: Int64) async throws -> Int

    /// Removes these members; returns those that were in the roster.
    func removeMembers(_ targets: [RefreshTarget], fromRoster id: Int64) async throws -> [RefreshTarget]

    func memberCount(ofRoster id: Int64) async throws -> Int
}

/// A store whose writes are made of ``StoreTransaction``s: every write of ``TrackingStore`` comes from the rulebook.
public protocol TransactionalStore: TrackingStore {
    /// Runs `body` as one write under the store's revision lock: all of it, or (when it throws) none of it.
    func write<Result: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> Result) async throws -> Result
}
