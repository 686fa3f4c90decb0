import Foundation
import RefreshAPI

/// The store as the tracker sees it: what happened to every request, the finished responses, creators and
/// their snapshots, a feed of changes made by any process, and the poll leases that let each pending request
/// be polled by one tracker at a time.
///
/// Any number of processes can share one store, because every store keeps the same rules: they are written once,
/// in this module's rulebook (``TransactionalStore``, over ``StoreTransaction``), and a store only loads and saves
/// records. Among them:
/// - a request that has ended (succeeded or failed) never goes back to pending, whatever arrives late;
/// - a finished request gives exactly one snapshot of its creator, however often its end is recorded;
/// - every write that changes what a front end shows moves the store's ``StoreRevision`` on, and
///   ``changes(since:)`` reports it, whichever process wrote it.
public protocol TrackingStore: AnyObject, Sendable {
    /// Where the store is, for messages: a file's path, or a database's address without its password.
    var location: String { get }

    /// Whether every write fails (a file this user cannot write).
    var isReadOnly: Bool { get }

    // MARK: Submissions

    /// Writes the intent to submit `target`, before the POST is sent, held by `holder` until `leaseUntil`
    /// (renewed while the POST runs), as submitted by `submitter` ("user@host") for `roster` (or none), and counts
    /// it as a paid refresh. With `freshSince`, a request for the same target that is being submitted, pending or
    /// stale, or that succeeded at or after `freshSince`, is returned instead and nothing is written. Under an
    /// enforced `budget` rule, nothing is written once the store's budget for the period is spent. The checks and
    /// the write are one step, so that two processes submitting the same target at once make one request, and two
    /// racing for the budget's last refresh send one.
    func recordIntent(
        _ target: RefreshTarget, at date: Date, holder: LeaseHolder, leaseUntil: Date, submitter: String,
        joiningFreshSince freshSince: Date?, roster: String?, budget: BudgetRule
    ) async throws -> RecordedIntent

    /// The POST answered: the intent becomes a request with the server's id and state. With a `holder`, that
    /// tracker follows it; without, any tracker may.
    func recordSubmission(_ localID: Int64, _ record: RefreshRecord, holder: LeaseHolder?, leaseUntil: Date?) async throws

    /// The POST failed. When it may have reached the server, the intent is kept as "outcome unknown" (nothing
    /// silently lost, nothing silently sent twice) and stays counted as paid; when the server certainly created
    /// nothing, it is removed and no longer counted. Returns whether it was kept.
    @discardableResult
    func recordSubmissionFailure(_ localID: Int64, _ error: RefreshClientError) async throws -> Bool

    /// Intents whose submitter's lease ran out (it stopped before the server answered) become "outcome unknown".
    /// Returns how many.
    @discardableResult
    func recoverInterruptedSubmissions(now: Date) async throws -> Int

    /// Makes requests known by id alone followable: adds those the store lacks (type and target come with the
    /// first answer), and resumes those whose following ended without an answer. Requests that ended are left.
    func track(_ ids: [RequestID], at date: Date) async throws

    // MARK: Polls

    /// A poll answered without ending the request. A stale request that is still pending stays stale.
    func recordPoll(_ record: RefreshRecord, at date: Date, nextPollAt: Date?) async throws

    /// The request ended: its state, the whole body, the creator and one snapshot of the creator's figures.
    func recordFinished(_ record: RefreshRecord, body: Data, at date: Date) async throws

    /// The request is still pending past the deadline.
    func recordStale(_ id: RequestID) async throws

    /// A poll failed; when `gaveUp`, following has ended with this error.
    func recordError(_ id: RequestID, _ message: String, gaveUp: Bool, nextPollAt: Date?) async throws

    // MARK: Poll leases

    /// Takes the lease of every followed request that has no holder or whose lease ran out (only those in
    /// `ids`, when given), until `leaseUntil`. Intents whose submitter's lease ran out become "outcome
    /// unknown" on the way.
    func claimLeases(for holder: LeaseHolder, until leaseUntil: Date, now: Date, among ids: [RequestID]?)
        async throws -> LeaseClaim

    /// Extends every lease `holder` has; returns the server ids of the requests it still holds.
    func renewLeases(of holder: LeaseHolder, until leaseUntil: Date) async throws -> Set<RequestID>

    /// Gives up every lease `holder` has, so that other trackers take the requests over at once.
    func releaseLeases(of holder: LeaseHolder) async throws

    // MARK: Reading

    /// Tracked requests, newest first, optionally in one state; with a `limit`, only the newest that many (read
    /// through an index, so that a page of a large store costs what the page costs).
    func requests(in state: TrackedState?, limit: Int?) async throws -> [TrackedRequest]

    /// How many requests are tracked, optionally in one state.
    func requestCount(in state: TrackedState?) async throws -> Int

    /// The request with this server id, if tracked.
    func request(_ id: RequestID) async throws -> TrackedRequest?

    /// The request with this store number, if tracked.
    func request(localID: Int64) async throws -> TrackedRequest?

    /// The body of a finished response, exactly as received.
    func responseBody(_ id: RequestID) async throws -> Data?

    /// Every creator, most recently refreshed first.
    func creators() async throws -> [StoredCreator]

    /// The creators `prefilter` selects, most recently refreshed first, answered in SQL.
    func creators(where prefilter: CreatorPrefilter) async throws -> [StoredCreator]

    /// The creators whose key, handle, user or channel id, or name is `query` (case-insensitive; a leading `@` is
    /// ignored).
    func creators(matching query: String) async throws -> [StoredCreator]

    /// A creator's snapshots, oldest first.
    func history(of creator: StoredCreator) async throws -> [CreatorSnapshot]

    /// The snapshots of the creator that the refresh `id` was about, oldest first; empty when it made none.
    func history(ofCreatorRefreshedBy id: RequestID) async throws -> [CreatorSnapshot]

    // MARK: Forgetting

    /// Stops tracking a request. With `purge`, its response and its snapshots go too. Returns whether anything
    /// was tracked under that id.
    @discardableResult
    func forget(_ id: RequestID, purge: Bool) async throws -> Bool

    /// Forgets a request by the store's own number (an intent has no server id). It stays counted as paid: its
    /// POST may have gone.
    @discardableResult
    func forget(localID: Int64) async throws -> Bool

    /// Takes back an intent whose POST this process has not sent (a batch stopped while it waited for its turn):
    /// it goes, and is no longer counted as paid. Whether there was such an intent.
    @discardableResult
    func withdraw(localID: Int64) async throws -> Bool

    // MARK: Change feed

    /// Everything that changed after `revision`; from ``StoreRevision/beginning``, the whole list.
    func changes(since revision: StoreRevision) async throws -> StoreChanges

    /// Hints that the store may have changed, from this process or another, soon after each write: each
    /// ``StoreHint/changed`` means "read ``changes(since:)``". Some hints are spurious; none is lost for long. A
    /// store on a server also says when its connection is lost and back. Costs nothing measurable while nothing
    /// is written. Ends when the consumer stops iterating.
    func changeHints() -> AsyncStream<StoreHint>

    // MARK: Usage and budget

    /// The paid refreshes sent at or after `date`, counted by hour, submitter and roster. Forgetting a request
    /// does not take it out: it was paid for.
    func usage(since date: Date) async throws -> [UsageCount]

    /// The budget every process submitting to this store keeps to; nil when there is none.
    func budget() async throws -> RefreshBudget?

    /// Sets the budget (nil: none).
    func setBudget(_ budget: RefreshBudget?) async throws

    // MARK: Rosters

    /// Every roster, by name (whatever its case), with how many creators each holds.
    func rosters() async throws -> [Roster]

    /// The roster named `name` (whatever its case), if any.
    func roster(named name: String) async throws -> Roster?

    /// The creators of the roster named `name`, in the order they were added, each with its newest request, when a
    /// refresh of it last succeeded and the creator that refresh was about. Throws ``RosterError/notFound(_:)``.
    func rosterMembers(of name: String) async throws -> [RosterMember]

    /// For every member of every roster whose creator a refresh made known (the creator of its latest successful
    /// refresh, as ``rosterMembers(of:)`` says): the roster, and the creator's store number.
    func rosterMemberships() async throws -> [RosterMembership]

    /// Makes an empty roster. Throws ``RosterError/exists(_:)`` when one has that name, whatever its case.
    func createRoster(_ name: RosterName, maxAge: TimeInterval?, at date: Date) async throws

    /// Adds `targets` to the roster named `name`, each once (those in it already are counted, not added again);
    /// with `creating`, a missing roster is made first, in the same step. Throws ``RosterError/notFound(_:)``
    /// (without `creating`) and ``RosterError/tooLarge(_:_:)``, writing nothing.
    func addToRoster(_ name: RosterName, _ targets: [RefreshTarget], at date: Date, creating: Bool) async throws
        -> RosterAddition

    /// Removes `targets` from the roster named `name`, all or nothing: when any is not in it, throws
    /// ``RosterError/notMembers(_:_:)`` and removes none.
    func removeFromRoster(_ name: String, _ targets: [RefreshTarget]) async throws

    /// Sets or clears the roster's maximum age. Throws ``RosterError/notFound(_:)``.
    func setMaxAge(of name: String, to maxAge: TimeInterval?) async throws

    /// Renames the roster named `name` (whatever its case) to `newName`, keeping its creators and maximum age. Throws
    /// ``RosterError/notFound(_:)``, and ``RosterError/exists(_:)`` when another roster has the new name.
    func renameRoster(_ name: String, to newName: RosterName) async throws

    /// Deletes the roster (its creators' requests and figures stay). Returns whether there was one.
    @discardableResult
    func deleteRoster(_ name: String) async throws -> Bool

    // MARK: Copying between stores

    /// Adds a request copied from another store, with the body of its response, unless this store has a request
    /// with the same server id (or the request has none); one this store has still under way takes the copy's end
    /// (state, figures, body) when the copy has ended. Leases are not copied. Returns what it did.
    func adopt(_ request: TrackedRequest, body: Data?, receivedAt: Date?) async throws -> Adoption

    /// Adds a creator copied from another store (or updates this store's one when the copy is newer), with the
    /// snapshots this store lacks. Returns how many snapshots were added.
    func adopt(_ creator: StoredCreator, snapshots: [CreatorSnapshot]) async throws -> Int

    /// Adds a roster copied from another store (made, with its maximum age, when this store has none of that name),
    /// with the members this store's roster lacks, each added when it was added there. Returns what it did.
    func adopt(_ roster: Roster, members: [RosterMember]) async throws -> RosterAddition

    /// The names of the store's tables, so that a check can tell that ``StoreCopy`` carries every one.
    func tables() async throws -> [String]
}

extension TrackingStore {
    /// Every tracked request, newest first, optionally in one state.
    public func requests(in state: TrackedState?) async throws -> [TrackedRequest] {
        try await requests(in: state, limit: nil)
    }
}
