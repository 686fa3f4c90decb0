import Foundation
import RefreshAPI

/// The one pipeline every front end uses: submit (the intent written before the POST), follow, record every
/// answer in the store, and publish what changed in the store, whoever changed it, on ``events``.
///
/// Several trackers, in several processes, may share a store. Each pending request is polled by one of them at
/// a time: the one holding its lease, which it renews every ``TrackerConfiguration/renewalInterval`` while it
/// follows. When a holder stops, its leases are released and another tracker takes the requests over at once;
/// when it dies, they are taken over once the lease runs out (``TrackerConfiguration/leaseDuration``).
public actor RefreshTracker {
    /// Every change of the store and every problem, in order. The first event is the whole list of requests.
    /// Ends when ``stop()`` is called.
    public nonisolated let events: AsyncStream<TrackerEvent>
    /// This tracker, as the holder of leases.
    public nonisolated let holder: LeaseHolder

    private let continuation: AsyncStream<TrackerEvent>.Continuation
    private let store: any TrackingStore
    private let client: RefreshClient?
    private let monitor: RefreshMonitor?
    private let scope: FollowScope
    private let configuration: TrackerConfiguration
    private let time: any TimeSource
    /// Who submissions are recorded as made by ("user@host").
    private let submitter: String

    /// The store revision last published.
    private var revision = StoreRevision.beginning
    private var isSyncing = false
    private var syncAgain = false
    /// Requests the monitor follows for this tracker, each under a lease it holds.
    private var following: Set<RequestID> = []
    /// With ``FollowScope/requested``: the requests to follow.
    private var requested: Set<RequestID> = []
    /// POSTs under way, whose intents this tracker holds.
    private var submissionsUnderWay = 0
    private var isClaiming = false
    private var claimAgain = false
    private var lastRenewal: Date
    /// When the earliest lease of another holder on a request this tracker would follow runs out.
    private var foreignExpiry: Date?
    private var leaseTimer: (deadline: Date, task: Task<Void, Never>)?
    private var isRenewing = false
    private var hintTask: Task<Void, Never>?
    private var updateTask: Task<Void, Never>?
    private var isStarted = false
    private var isStopped = false
    private var isPaused = false
    /// What this tracker learnt that the store could not take (a lost connection), oldest first, written again once
    /// the store answers.
    private var unwritten: [UnwrittenChange] = []
    /// When to try writing ``unwritten`` again if no change of the store comes first.
    private var unwrittenRetry: Date?

    /// Something learnt that the store must be told: a submission's answer, or what the monitor saw.
    private enum UnwrittenChange {
        /// The server's answer to the POST of the intent of this number, and whether this tracker follows it.
        case submission(intent: Int64, RefreshRecord, followed: Bool)
        case monitor(MonitorUpdate)

        /// The request id of a submission's answer.
        var submittedID: RequestID? {
            if case .submission(_, let record, _) = self { record.requestID } else { nil }
        }

        var isSubmission: Bool { submittedID != nil }
    }

    /// The requests this tracker submitted whose answers (their ids) the store has not taken, because it could not
    /// be reached: the store shows them as still being submitted, and then as "outcome unknown". A command that
    /// ends says so, so that nobody submits them again.
    public var unrecordedSubmissions: [RequestID] {
        unwritten.compactMap(\.submittedID)
    }

    /// A tracker on `store`. Without a client it only watches the store (nothing is submitted or polled).
    public init(
        store: any TrackingStore, client: RefreshClient?, scope: FollowScope, holder: LeaseHolder = .thisProcess(),
        submitter: String = LeaseHolder.thisAccount(), configuration: TrackerConfiguration = TrackerConfiguration(),
        time: any TimeSource = SystemTimeSource(), random: any RandomSource = SystemRandomSource()
    ) {
        self.store = store
        self.submitter = submitter
        self.client = client
        self.scope = scope
        self.holder = holder
        self.configuration = configuration
        self.time = time
        monitor = client.map { RefreshMonitor(poller: $0, configuration: configuration.monitor, time: time, random: random) }
        lastRenewal = time.now
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Publishes the whole list, starts listening to the store and to the monitor, and takes over what it
    /// should follow.
    public func start() async {
        guard !isStarted, !isStopped else { return }
        isStarted = true
        let hints = store.changeHints()
        hintTask = Task { [weak self] in
            for await hint in hints {
                guard let self else { return }
                await self.react(to: hint)
            }
        }
        if let monitor {
            updateTask = Task { [weak self] in
                for await update in monitor.updates {
                    guard let self else { return }
                    await self.record(update)
                }
            }
        }
        await sync()
        await claim()
    }

    /// Stops following, releases every lease so that other trackers take over at once, and ends ``events``.
    public func stop() async {
        guard !isStopped else { return }
        isStopped = true
        hintTask?.cancel()
        leaseTimer?.task.cancel()
        leaseTimer = nil
        await monitor?.stop()
        // A write still waiting for a store that cannot be reached is given up: the lease lets another tracker
        // poll that request again.
        updateTask?.cancel()
        await updateTask?.value
        following.removeAll()
        // A submission's answer is its only record: it is tried once more (``unrecordedSubmissions`` names what
        // still could not be written).
        if unwritten.contains(where: \.isSubmission) { _ = await writeUnwritten() }
        switch await releaseLeases(waitingAtMost: configuration.releaseWait) {
        case .some(.success):
            break
        case .some(.failure(let error)):
            continuation.yield(.problem("Could not release the leases: \(error)"))
        case .none:
            continuation.yield(.problem("The store did not answer; the leases run out on their own."))
        }
        continuation.finish()
    }

    /// Gives every lease up, waiting at most `bound` (a real time: it keeps a person from waiting on a server that
    /// is down, and synchronises nothing). Nil when the store did not answer in time.
    private func releaseLeases(waitingAtMost bound: Duration) async -> Result<Void, any Error>? {
        let store = self.store
        let holder = self.holder
        return await withTaskGroup(of: Result<Void, any Error>?.self) { group in
            group.addTask {
                do {
                    try await store.releaseLeases(of: holder)
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                try? await Task.sleep(for: bound)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    // MARK: What front ends ask for

    /// Submits `target`: writes the intent, sends the POST, records the answer and, with `follow`, follows the
    /// request. Returns the server's answer. When the POST fails, the store keeps an "outcome unknown" entry
    /// if the request may have reached the server, and nothing otherwise. An answer the store cannot take is kept
    /// and written once it answers (``unrecordedSubmissions`` names those it never took).
    ///
    /// With a `join` policy that joins, a request for the same target that is under way or fresh in the store
    /// (whoever submitted it) is returned instead, nothing is sent, and with `follow` it is followed.
    ///
    /// With a `pacer`, the POST waits for its turn (the intent is written first, so the target counts as being
    /// submitted meanwhile); when `withdrawn` then says so (a batch stopped meanwhile), the intent goes, nothing is
    /// sent, and it throws ``TrackingError/withdrawn``.
    ///
    /// The POST is counted as a paid refresh of `roster` (or none). Under an enforced `budget` rule, once the
    /// store's budget for the period is spent nothing is written or sent, and it throws
    /// ``TrackingError/overBudget(_:used:)``.
    public func submit(
        _ target: RefreshTarget, follow: Bool, join: JoinPolicy = .never, roster: String? = nil,
        budget: BudgetRule = .enforced, pacedBy pacer: SubmissionPacer? = nil,
        unless withdrawn: (@Sendable () async -> Bool)? = nil
    ) async throws(TrackingError) -> SubmissionOutcome {
        guard let client else { throw .noClient }
        submissionsUnderWay += 1
        defer { submissionsUnderWay -= 1 }
        armLeaseTimer()
        let recorded: RecordedIntent
        do {
            let now = time.now
            recorded = try await store.recordIntent(
                target, at: now, holder: holder, leaseUntil: now.addingTimeInterval(configuration.leaseDuration),
                submitter: submitter, joiningFreshSince: join.freshSince(now), roster: roster, budget: budget)
        } catch {
            throw .store("\(error)")
        }
        let intent: Int64
        switch recorded {
        case .recorded(let localID):
            intent = localID
        case .overBudget(let limit, let used):
            throw .overBudget(limit, used: used)
        case .joined(let request):
            // One being submitted has no id yet: it is joined once the server has given it one.
            let joined: TrackedRequest?
            do {
                joined = try await idOnceSubmitted(request)
            } catch {
                throw .store("\(error)")
            }
            // The submission joined came to nothing: the target is submitted anew.
            guard let existing = joined else {
                return try await submit(target, follow: follow, join: join, roster: roster, budget: budget, pacedBy: pacer)
            }
            if follow, existing.state.isFollowed, let id = existing.requestID {
                requested.insert(RequestID(id))
                await sync()
                await claim()
            }
            return .joined(existing)
        }
        await sync()
        await pacer?.waitForTurn()
        if let withdrawn, await withdrawn() {
            do {
                try await store.withdraw(localID: intent)
            } catch {
                continuation.yield(.problem("The store could not be written: \(error)"))
            }
            await sync()
            throw .withdrawn
        }
        let record: RefreshRecord
        do {
            record = try await client.submit(target)
        } catch {
            do {
                try await store.recordSubmissionFailure(intent, error)
            } catch {
                continuation.yield(.problem("The store could not be written: \(error)"))
            }
            await sync()
            throw .client(error)
        }
        let follows = follow && !record.state.hasEnded && !isStopped && !isPaused && monitor != nil
        // The answer is the request's only record of its id: what the store cannot take now is kept, and written
        // (before anything seen of the request since) once it answers, so that nothing paid for is lost.
        await writeOrKeep(.submission(intent: intent, record, followed: follows))
        if follows {
            requested.insert(record.requestID)
            await startFollowing(record.requestID, submittedAt: time.now)
        }
        await sync()
        return .submitted(record)
    }

    /// `request` once it has a server id: at once when it has one, else after its submitter's POST answers,
    /// read from the store with a growing pause (a tenth of a second up to one) for at most a lease's duration. Nil
    /// when that submission came to nothing (refused, or its outcome unknown): the target is then submitted anew.
    private func idOnceSubmitted(_ request: TrackedRequest) async throws -> TrackedRequest? {
        guard request.requestID == nil, let localID = request.id else { return request }
        let deadline = time.now.addingTimeInterval(configuration.leaseDuration)
        var pause = 0.1
        while time.now < deadline {
            try await time.sleep(until: min(deadline, time.now.addingTimeInterval(pause)))
            pause = min(pause * 2, 1)
            guard let current = try await store.request(localID: localID), current.state != .unknown else { return nil }
            if current.requestID != nil { return current }
        }
        return nil
    }

    /// Follows requests known by id alone (`watch ID`): the store learns of them, and this tracker takes their
    /// leases unless another tracker follows them already.
    public func track(_ ids: [RequestID]) async throws(TrackingError) {
        do {
            // Known by id alone: taken as submitted long enough ago to be polled at once.
            try await store.track(ids, at: time.now.addingTimeInterval(-configuration.monitor.firstPollDelay))
        } catch {
            throw .store("\(error)")
        }
        requested.formUnion(ids)
        await sync()
        await claim()
    }

    /// Records an answer fetched outside the monitor (`status`) for a request the store tracks.
    public func record(_ fetched: FetchedRecord) async throws(TrackingError) {
        do {
            if fetched.record.state.hasEnded {
                try await store.recordFinished(fetched.record, body: fetched.body, at: time.now)
            } else {
                try await store.recordPoll(fetched.record, at: time.now, nextPollAt: nil)
            }
        } catch {
            throw .store("\(error)")
        }
        await sync()
    }

    /// Forgets a request by server id (with `purge`, its response and snapshots too). Returns whether it was
    /// tracked.
    @discardableResult
    public func forget(_ id: RequestID, purge: Bool) async throws(TrackingError) -> Bool {
        let forgotten: Bool
        do {
            forgotten = try await store.forget(id, purge: purge)
        } catch {
            throw .store("\(error)")
        }
        await stopFollowing(id)
        await sync()
        return forgotten
    }

    /// Forgets a request by the store's number (an intent has no server id). Returns whether it was tracked.
    @discardableResult
    public func forget(localID: Int64) async throws(TrackingError) -> Bool {
        let forgotten: Bool
        do {
            forgotten = try await store.forget(localID: localID)
        } catch {
            throw .store("\(error)")
        }
        await sync()
        return forgotten
    }

    /// Pauses or resumes this tracker's polling (the dashboard's live-updates switch). Pausing gives every
    /// lease up, so that another process follows those requests meanwhile; resuming takes up what nobody follows.
    /// Changes made elsewhere are still published.
    public func setPaused(_ paused: Bool) async {
        guard isPaused != paused, !isStopped else { return }
        isPaused = paused
        await monitor?.setPaused(paused)
        guard paused else { return await claim() }
        for id in following { await monitor?.unfollow(id) }
        following.removeAll()
        do {
            try await store.releaseLeases(of: holder)
        } catch {
            continuation.yield(.problem("Could not release the leases: \(error)"))
        }
        foreignExpiry = nil
        armLeaseTimer()
        await sync()
    }

    /// The requests this tracker polls now.
    public var followedIDs: Set<RequestID> { following }

    // MARK: The change feed

    private func react(to hint: StoreHint) async {
        switch hint {
        case .changed:
            await sync()
        case .connectionLost(let reason):
            continuation.yield(.storeUnreachable(reason))
        case .connectionRestored:
            await sync()
            continuation.yield(.storeReachable)
            await claim()
        }
    }

    /// Publishes what changed since the last revision, and reacts to it; one pass at a time.
    private func sync() async {
        guard isStarted, !isStopped else { return }
        guard !isSyncing else {
            syncAgain = true
            return
        }
        isSyncing = true
        defer { isSyncing = false }
        repeat {
            syncAgain = false
            let changes: StoreChanges
            do {
                changes = try await store.changes(since: revision)
            } catch {
                continuation.yield(.problem("The store could not be read: \(error)"))
                return
            }
            guard !isStopped, changes.revision >= revision else { return }
            if !unwritten.isEmpty, await writeUnwritten() { syncAgain = true }
            revision = changes.revision
            guard !changes.isEmpty else { continue }
            continuation.yield(.changed(changes))
            await react(to: changes)
        } while syncAgain && !isStopped
    }

    /// Stops following what ended, was forgotten or was taken over; claims what nobody follows.
    private func react(to changes: StoreChanges) async {
        let now = time.now
        var shouldClaim = false
        for request in changes.requests {
            guard let idText = request.requestID else { continue }
            let id = RequestID(idText)
            if following.contains(id) {
                let takenOver = request.leaseHolder != nil && request.leaseHolder != holder
                if !request.state.isFollowed || takenOver { await stopFollowing(id) }
            } else if monitor != nil, isInScope(id), request.state.isFollowed {
                if request.isClaimable(at: now) {
                    shouldClaim = true
                } else if request.leaseHolder != holder, let expiry = request.leaseExpiresAt {
                    foreignExpiry = min(foreignExpiry ?? expiry, expiry)
                }
            }
        }
        for forgotten in changes.forgotten {
            if let id = forgotten.requestID { await stopFollowing(RequestID(id)) }
        }
        if shouldClaim {
            await claim()
        } else {
            armLeaseTimer()
        }
    }

    private func isInScope(_ id: RequestID) -> Bool {
        scope == .everything || requested.contains(id)
    }

    // MARK: Leases

    /// Takes the leases of the requests this tracker should follow and nobody follows; one claim at a time.
    /// Gives up the leases of holders that were processes on this host and no longer run (killed, crashed), so
    /// that their requests are taken over now rather than when the leases run out.
    private func releaseLeasesOfGoneProcesses() async {
        let now = time.now
        var holders = Set<LeaseHolder>()
        for state in [TrackedState.submitting, .pending, .stale] {
            guard let rows = try? await store.requests(in: state) else { return }
            for row in rows {
                if let other = row.leaseHolder, other != holder, row.leaseExpiresAt.map({ $0 > now }) ?? false { holders.insert(other) }
            }
        }
        for gone in holders where gone.isGoneFromThisHost {
            do {
                try await store.releaseLeases(of: gone)
            } catch {
                continuation.yield(.problem("The store could not be written: \(error)"))
                return
            }
        }
    }

    private func claim() async {
        guard monitor != nil, !isStopped, !isPaused, scope == .everything || !requested.isEmpty else { return }
        guard !isClaiming else {
            claimAgain = true
            return
        }
        isClaiming = true
        defer { isClaiming = false }
        repeat {
            claimAgain = false
            await releaseLeasesOfGoneProcesses()
            let now = time.now
            let claim: LeaseClaim
            do {
                claim = try await store.claimLeases(
                    for: holder, until: now.addingTimeInterval(configuration.leaseDuration), now: now,
                    among: scope == .everything ? nil : requested.sorted())
            } catch {
                continuation.yield(.problem("The store could not be written: \(error)"))
                return
            }
            guard !isStopped else { return }
            foreignExpiry = claim.nextExpiry
            for request in claim.claimed {
                guard let id = request.requestID else { continue }
                await startFollowing(RequestID(id), submittedAt: request.submittedAt)
            }
            if !claim.claimed.isEmpty { await sync() }
        } while claimAgain && !isStopped
        armLeaseTimer()
    }

    private func startFollowing(_ id: RequestID, submittedAt: Date) async {
        guard let monitor, !following.contains(id) else { return }
        following.insert(id)
        if following.count == 1 { lastRenewal = time.now }
        await monitor.follow(id, submittedAt: submittedAt)
        armLeaseTimer()
    }

    private func stopFollowing(_ id: RequestID) async {
        guard following.remove(id) != nil else { return }
        await monitor?.unfollow(id)
    }

    /// Extends this tracker's leases; stops following any it no longer holds (taken over while it was away).
    private func renew() async {
        let before = following
        let now = time.now
        lastRenewal = now
        let held: Set<RequestID>
        do {
            held = try await store.renewLeases(of: holder, until: now.addingTimeInterval(configuration.leaseDuration))
        } catch {
            continuation.yield(.problem("Could not renew the leases: \(error)"))
            return
        }
        // A submission whose answer the store has not taken yet is held in this tracker's memory alone.
        let kept = Set(unwritten.compactMap(\.submittedID))
        for lost in before.subtracting(held).subtracting(kept) { await stopFollowing(lost) }
    }

    /// Wakes this tracker when its leases are due for renewal, when another holder's lease runs out, or when what
    /// the store could not take is due to be tried again. While a renewal is under way, the timer is set once it is
    /// done.
    private func armLeaseTimer() {
        guard !isStopped, !isRenewing else { return }
        var deadline = [foreignExpiry, unwrittenRetry].compactMap(\.self).min()
        if !following.isEmpty || submissionsUnderWay > 0 {
            let renewal = lastRenewal.addingTimeInterval(configuration.renewalInterval)
            deadline = min(deadline ?? renewal, renewal)
        }
        if let timer = leaseTimer, timer.deadline == deadline { return }
        leaseTimer?.task.cancel()
        leaseTimer = nil
        guard let deadline else { return }
        let time = self.time
        leaseTimer = (
            deadline,
            Task { [weak self] in
                do { try await time.sleep(until: deadline) } catch { return }
                await self?.leaseTimerFired(deadline)
            }
        )
    }

    private func leaseTimerFired(_ deadline: Date) async {
        guard leaseTimer?.deadline == deadline else { return }
        leaseTimer = nil
        let now = time.now
        // What the store could not take is tried again first, though no change of the store wakes this tracker (a
        // server that stopped answering without closing its connections says nothing when it is back).
        if let retry = unwrittenRetry, retry <= now {
            unwrittenRetry = nil
            await sync()
            if !unwritten.isEmpty { unwrittenRetry = time.now.addingTimeInterval(configuration.renewalInterval) }
        }
        if !following.isEmpty || submissionsUnderWay > 0,
            now >= lastRenewal.addingTimeInterval(configuration.renewalInterval)
        {
            isRenewing = true
            await renew()
            isRenewing = false
        }
        if let expiry = foreignExpiry, expiry <= now {
            foreignExpiry = nil
            await claim()
        }
        armLeaseTimer()
    }

    // MARK: Recording what the monitor sees

    /// Records what the monitor saw, under the id that was polled (whatever id the server echoes). What the
    /// store cannot take is kept and written again once it answers.
    private func record(_ update: MonitorUpdate) async {
        switch update {
        case .finished(let id, _, _), .gaveUp(let id, _):
            following.remove(id)
        case .rateLimited(let until):
            continuation.yield(.rateLimited(until: until))
            return
        case .polled, .stale, .pollFailed:
            break
        }
        if case .gaveUp(let id, let error) = update { continuation.yield(.followingEnded(id, error)) }
        await writeOrKeep(.monitor(update))
        await sync()
        armLeaseTimer()
    }

    /// Writes `change`, or keeps it (after anything kept before it, in order) to be written once the store answers.
    private func writeOrKeep(_ change: UnwrittenChange) async {
        guard unwritten.isEmpty else {
            unwritten.append(change)
            return
        }
        do {
            try await write(change)
        } catch {
            unwritten.append(change)
            continuation.yield(.problem("The store could not be written (\(error)); it is tried again when it answers."))
            unwrittenRetry = time.now.addingTimeInterval(configuration.renewalInterval)
            armLeaseTimer()
        }
    }

    /// Writes what was kept while the store did not answer, oldest first; stops at the first failure. Returns
    /// whether anything was written.
    private func writeUnwritten() async -> Bool {
        var wrote = false
        while let change = unwritten.first {
            do {
                try await write(change)
            } catch {
                return wrote
            }
            unwritten.removeFirst()
            wrote = true
        }
        return wrote
    }

    private func write(_ change: UnwrittenChange) async throws {
        let now = time.now
        let update: MonitorUpdate
        switch change {
        case .submission(let intent, let record, let followed):
            // Followed from now on, whenever the store hears of it: a later renewal keeps the lease.
            try await store.recordSubmission(
                intent, record, holder: followed ? holder : nil,
                leaseUntil: followed ? now.addingTimeInterval(configuration.leaseDuration) : nil)
            return
        case .monitor(let seen):
            update = seen
        }
        switch update {
        case .polled(let id, var record, let next):
            record.requestID = id
            try await store.recordPoll(record, at: now, nextPollAt: next)
        case .finished(let id, var record, let body):
            record.requestID = id
            try await store.recordFinished(record, body: body, at: now)
        case .stale(let id):
            try await store.recordStale(id)
        case .pollFailed(let id, let error, _, let next):
            try await store.recordError(id, error.summary, gaveUp: false, nextPollAt: next)
        case .gaveUp(let id, let error):
            if case .requestNotFound = error, let request = try await store.request(id), !request.isHeardFrom {
                // Known by id alone, and unknown to the server: it was only ever a guess, and goes.
                try await store.forget(id, purge: false)
            } else {
                try await store.recordError(id, error.description, gaveUp: true, nextPollAt: nil)
            }
        case .rateLimited:
            break
        }
    }
}
