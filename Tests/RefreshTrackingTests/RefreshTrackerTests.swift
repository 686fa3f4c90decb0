import Foundation
import Synchronization
import RefreshAPI
import RefreshStore
import RefreshTestSupport
import RefreshTracking
import Testing

/// The tracker on a scripted API and a manual clock, over a real store file shared by several trackers, as
/// several processes would share it.
@Suite("The tracker: submit, follow, record, publish; leases across trackers", .timeLimit(.minutes(1)))
struct RefreshTrackerTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-tracker-\(UUID().uuidString)")
    let api = ScriptedAPI()
    let time = ManualTimeSource()
    let alice = LeaseHolder("alice@box 1 a")
    let bob = LeaseHolder("bob@box 2 b")

    var start: Date { Date(timeIntervalSince1970: 1_700_000_000) }

    /// A connection of its own to the shared store, as each process has.
    func store() throws -> RefreshStore {
        try RefreshStore(url: folder.appendingPathComponent("ylytic.sqlite"))
    }

    func tracker(_ holder: LeaseHolder, scope: FollowScope = .everything) throws -> RefreshTracker {
        let client = RefreshClient(
            baseURL: URL(string: "http://127.0.0.1:9/ylytic/api/v1")!, token: APIToken("tracker-token")!, transport: api,
            time: time, random: FixedRandomSource(0.5))
        return RefreshTracker(
            store: try store(), client: client, scope: scope, holder: holder, configuration: configuration, time: time,
            random: FixedRandomSource(0.5))
    }

    /// The standard pace and leases; stopping waits as long as a loaded machine's store needs to take the release.
    var configuration: TrackerConfiguration {
        var configuration = TrackerConfiguration()
        configuration.releaseWait = .seconds(60)
        return configuration
    }

    /// A request submitted at `start` and pending, followed by `holder` under a lease of 45 s.
    func recordPending(_ requestID: String, heldBy holder: LeaseHolder, in store: RefreshStore) async throws {
        let target = try RefreshTarget(type: .instagram, value: "someone")
        let local = try await store.recordIntent(target, at: start, holder: holder, leaseUntil: start + 45)
        try await store.recordSubmission(
            local,
            RefreshRecord(requestID: RequestID(requestID), request: EchoedRequest(target), status: RefreshStatus(code: 201, message: "pending")),
            holder: holder, leaseUntil: start + 45)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func aSubmissionIsRecordedFollowedAndPublishedInOrder() async throws {
        defer { cleanUp() }
        let reader = try store()
        let intentWasWritten = Mutex(false)
        let api = ScriptedAPI { request in
            guard request.method == "POST" else { return }
            let intents = (try? await reader.requests(in: .submitting)) ?? []
            intentWasWritten.withLock { $0 = intents.map(\.targetValue) == ["thetatvaindia"] }
        }
        let client = RefreshClient(
            baseURL: URL(string: "http://127.0.0.1:9/ylytic/api/v1")!, token: APIToken("tracker-token")!, transport: api,
            time: time, random: FixedRandomSource(0.5))
        let tracker = RefreshTracker(
            store: try store(), client: client, scope: .requested, holder: alice, configuration: configuration, time: time,
            random: FixedRandomSource(0.5))
        var events = tracker.events.makeAsyncIterator()
        var sent = api.sent.makeAsyncIterator()
        await tracker.start()
        let first = try #require(await events.nextChange())
        #expect(first.replacesEverything && first.requests.isEmpty)

        let outcome = try await tracker.submit(try RefreshTarget(type: .instagram, value: "thetatvaindia"), follow: true)
        guard case .submitted(let record) = outcome else {
            Issue.record("an empty store has nothing to join: \(outcome)")
            return
        }
        #expect(record.requestID == "r1")
        #expect(intentWasWritten.withLock { $0 }, "the intent is in the store before the POST is sent")
        let submitted = try #require(await events.nextChange { $0.requests.contains { $0.requestID == "r1" } }).requests
        #expect(submitted.first?.state == .pending)
        #expect(submitted.first?.isHeld(by: alice, at: time.now) == true, "the submitter follows what it submitted")
        #expect(await sent.nextMethod() == "POST")

        await time.waitForSleeper(until: start + 2)
        time.advance(to: start + 2)
        #expect(await sent.nextMethod() == "GET", "the first poll, two seconds after the submission")
        api.answer("r1", .succeeded)
        await time.waitForSleeper(until: start + 5)
        time.advance(to: start + 5)
        let finished = try #require(await events.nextChange { $0.requests.contains { $0.state == .succeeded } })
        #expect(finished.creatorsChanged)
        let request = try #require(finished.requests.first)
        #expect(request.leaseHolder == nil, "an ended request is nobody's")
        #expect(request.creatorName == "Anurag Gupta")
        #expect(await tracker.followedIDs.isEmpty)
        #expect(api.gets(of: "r1") == 2)
        await tracker.stop()
        // Stopping ends the events: what was already on its way is delivered (how much depends on when the store's
        // observation ran), then the stream finishes; one that never did would run into the suite's time limit.
        var after: [StoreChanges] = []
        while let event = await events.next() { if case .changed(let changes) = event { after.append(changes) } }
        #expect(!after.contains { $0.requests.contains { $0.state != .succeeded } }, "nothing after the end undoes it")
    }

    @Test func aRequestSubmittedElsewhereIsFollowedByExactlyOneOfTwoTrackers() async throws {
        defer { cleanUp() }
        let first = try tracker(alice), second = try tracker(bob)
        var firstEvents = first.events.makeAsyncIterator()
        var secondEvents = second.events.makeAsyncIterator()
        var sent = api.sent.makeAsyncIterator()
        await first.start()
        await second.start()
        // `ylytic refresh` without --wait: submitted, followed by nobody.
        let refresh = try tracker(LeaseHolder("cli@box 3 c"), scope: .requested)
        _ = try await refresh.submit(try RefreshTarget(type: .instagram, value: "someone"), follow: false)
        await refresh.stop()
        #expect(await sent.nextMethod() == "POST")

        let isHeld = { (changes: StoreChanges) in changes.requests.contains { $0.requestID == "r1" && $0.leaseHolder != nil } }
        let seenByFirst = try #require(await firstEvents.nextChange(where: isHeld))
        let seenBySecond = try #require(await secondEvents.nextChange(where: isHeld))
        let holder = try #require(seenByFirst.requests.first { $0.requestID == "r1" }?.leaseHolder)
        #expect(seenBySecond.requests.first { $0.requestID == "r1" }?.leaseHolder == holder, "both see the same holder")

        await time.waitForSleeper(until: start + 2)
        time.advance(to: start + 2)
        #expect(await sent.nextMethod() == "GET")
        #expect(Set([await first.followedIDs, await second.followedIDs]) == [["r1"], []], "one follows it, one watches")
        await time.waitForSleeper(until: start + 5)
        #expect(api.gets(of: "r1") == 1, "polled once, not once per tracker")
        api.answer("r1", .failed("failed: this account is private"))
        time.advance(to: start + 5)
        #expect(await secondEvents.nextChange { $0.requests.contains { $0.state == .failed } } != nil)
        #expect(api.gets(of: "r1") == 2)
        await first.stop()
        await second.stop()
    }

    @Test func aStoppedFollowerReleasesItsLeaseAndAnotherTakesOverAtOnce() async throws {
        defer { cleanUp() }
        let leaving = try tracker(alice), staying = try tracker(bob)
        var stayingEvents = staying.events.makeAsyncIterator()
        var sent = api.sent.makeAsyncIterator()
        await leaving.start()
        _ = try await leaving.submit(try RefreshTarget(type: .instagram, value: "someone"), follow: true)
        await staying.start()
        let seen = try #require(await stayingEvents.nextChange { $0.requests.contains { $0.requestID == "r1" } })
        #expect(seen.requests.first { $0.requestID == "r1" }?.leaseHolder == alice)
        #expect(await staying.followedIDs.isEmpty)

        await leaving.stop()
        let taken = await stayingEvents.nextChange { $0.requests.contains { $0.leaseHolder == self.bob } }
        #expect(taken != nil, "released, then claimed without waiting for the lease to run out")
        #expect(await sent.nextMethod() == "POST")
        await time.waitForSleeper(until: start + 2)
        time.advance(to: start + 2)
        #expect(await sent.nextMethod() == "GET", "the new holder polls it")
        #expect(await staying.followedIDs == ["r1"])
        await staying.stop()
    }

    @Test func aDeadFollowersLeaseRunsOutAndIsTakenOverWithinItsDuration() async throws {
        defer { cleanUp() }
        // A process that was killed: its lease stays in the store until it runs out.
        let ghost = LeaseHolder("ghost@box 9 d"), writer = try store()
        try await recordPending("r9", heldBy: ghost, in: writer)
        let survivor = try tracker(bob)
        var events = survivor.events.makeAsyncIterator()
        var sent = api.sent.makeAsyncIterator()
        await survivor.start()
        _ = await events.nextChange()
        #expect(await survivor.followedIDs.isEmpty, "the lease still runs")

        await time.waitForSleeper(until: start + 45)
        time.advance(to: start + 45)
        #expect(await events.nextChange { $0.requests.contains { $0.leaseHolder == self.bob } } != nil)
        #expect(await sent.nextMethod() == "GET", "polled at once: it was submitted long enough ago")
        #expect(await survivor.followedIDs == ["r9"])
        await survivor.stop()
    }

    /// A process that ran and has ended: its id is free (for the moment this test needs it).
    static func endedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func aHolderOnThisHostWhoseProcessIsGoneIsKnownSoAndOthersAreNot() throws {
        let account = LeaseHolder.thisAccount()
        #expect(LeaseHolder("\(account) \(try Self.endedProcessID()) a").isGoneFromThisHost)
        #expect(!LeaseHolder("\(account) \(getppid()) a").isGoneFromThisHost, "a process that runs")
        #expect(!LeaseHolder.thisProcess().isGoneFromThisHost, "this one")
        #expect(!LeaseHolder("ghost@another-host \(try Self.endedProcessID()) a").isGoneFromThisHost, "another host's cannot be told")
        #expect(LeaseHolder("\(account) \(getppid()) a 1").isGoneFromThisHost, "an id reused by a process that started later")
    }

    @Test func aCrashedFollowerOnThisHostIsTakenOverAtOnce() async throws {
        defer { cleanUp() }
        // Killed with -9 a moment ago on this host: its lease would run for 45 s more.
        let ghost = LeaseHolder("\(LeaseHolder.thisAccount()) \(try Self.endedProcessID()) d"), writer = try store()
        try await recordPending("r9", heldBy: ghost, in: writer)
        let survivor = try tracker(bob)
        var events = survivor.events.makeAsyncIterator()
        await survivor.start()
        #expect(await events.nextChange { $0.requests.contains { $0.leaseHolder == self.bob } } != nil, "taken with no time passing")
        #expect(await survivor.followedIDs == ["r9"])
        await survivor.stop()
    }

    @Test func aPausedFollowerHandsItsRequestsToAnotherAndTakesUpAgainOnResume() async throws {
        defer { cleanUp() }
        let pausing = try tracker(alice), other = try tracker(bob)
        var otherEvents = other.events.makeAsyncIterator()
        await pausing.start()
        _ = try await pausing.submit(try RefreshTarget(type: .instagram, value: "someone"), follow: true)
        await other.start()
        await pausing.setPaused(true)
        let taken = await otherEvents.nextChange { $0.requests.contains { $0.leaseHolder == self.bob } }
        #expect(taken != nil, "the other tracker follows it while this one is paused")
        #expect(await pausing.followedIDs.isEmpty)
        await other.stop()
        await pausing.setPaused(false)
        #expect(await pausing.followedIDs == ["r1"], "resumed, it takes up what nobody follows")
        await pausing.stop()
    }

    @Test func anIDTheServerDoesNotKnowIsForgottenNotKept() async throws {
        defer { cleanUp() }
        let tracker = try tracker(alice, scope: .requested)
        var events = tracker.events.makeAsyncIterator()
        await tracker.start()
        api.answer("nosuch", .notFound)
        try await tracker.track(["nosuch"])
        #expect(await events.next { if case .followingEnded("nosuch", .requestNotFound) = $0 { true } else { false } } != nil)
        let gone = await events.nextChange { !$0.forgotten.isEmpty }
        #expect(gone?.forgotten.map(\.requestID) == ["nosuch"], "a guess the server denies leaves nothing in the store")
        await tracker.stop()
    }

    @Test func aFollowerRenewsItsLeaseWhileItFollows() async throws {
        defer { cleanUp() }
        let tracker = try tracker(alice)
        let reader = try store()
        await tracker.start()
        _ = try await tracker.submit(try RefreshTarget(type: .instagram, value: "someone"), follow: true)
        #expect(try await reader.request("r1")?.leaseExpiresAt == start + 45)
        await time.waitForSleeper(until: start + 15)
        time.advance(to: start + 15)
        await time.waitForSleeper(until: start + 30)
        #expect(try await reader.request("r1")?.leaseExpiresAt == start + 60, "renewed at 15 s for another 45 s")
        await tracker.stop()
        #expect(try await reader.request("r1")?.leaseHolder == nil, "released on stop")
    }

    @Test func aWatcherSeesEveryChangeWhoeverPolls() async throws {
        defer { cleanUp() }
        let follower = try tracker(alice), watcher = try tracker(bob, scope: .requested)
        await follower.start()
        await watcher.start()
        var events = watcher.events.makeAsyncIterator()
        var watch = RequestWatch(ids: ["r1"])
        var told: [RequestWatch.Change] = []
        _ = try await follower.submit(try RefreshTarget(type: .instagram, value: "someone"), follow: true)
        api.answer("r1", .unreachable)
        // The poll at 2 s tries four times (backing off 0.25, 0.5 and 1 s) before it counts as failed.
        for moment in [start + 2, start + 2.25, start + 2.75, start + 3.75] {
            await time.waitForSleeper(until: moment)
            time.advance(to: moment)
        }
        while let event = await events.next(), case .changed(let changes) = event {
            told += watch.observe(changes).map(\.1)
            if told.contains(where: { if case .retrying = $0 { true } else { false } }) { break }
        }
        api.answer("r1", .succeeded)
        await time.waitForSleeper(until: start + 6.75)
        time.advance(to: start + 6.75)
        while !watch.isDone, let event = await events.next(), case .changed(let changes) = event {
            told += watch.observe(changes).map(\.1)
        }
        #expect(told.first == .state(.pending, detail: nil))
        #expect(told.contains { if case .retrying(1, let detail) = $0 { detail.contains("connection refused") } else { false } })
        #expect(told.last == .state(.succeeded, detail: nil))
        #expect(await watcher.followedIDs.isEmpty, "the watcher never polled")
        await follower.stop()
        await watcher.stop()
    }

    /// Bob's process wrote its intent to submit "someone" and waits for the server's answer to its POST, while
    /// alice's tracker submits the same target, joining what is under way; returns once alice's tracker waits.
    func joinWhileBobSubmits() async throws
        -> (RefreshStore, Int64, RefreshTracker, Task<SubmissionOutcome, any Error>)
    {
        let other = try store()
        let target = try RefreshTarget(type: .instagram, value: "someone")
        let local = try await other.recordIntent(target, at: start, holder: bob, leaseUntil: start + 45)
        let joining = try tracker(alice)
        let outcome = Task { try await joining.submit(target, follow: false, join: .standard) }
        // Alice looks again for the id after a tenth of a second (the lease's renewal sleeps too, for longer).
        await time.waitForSleeper(until: start + 0.1)
        return (other, local, joining, outcome)
    }

    @Test func aTargetBeingSubmittedElsewhereIsJoinedOnceItHasAnID() async throws {
        defer { cleanUp() }
        let (other, local, joining, outcome) = try await joinWhileBobSubmits()
        try await other.recordSubmission(
            local,
            RefreshRecord(requestID: "r7", request: EchoedRequest(try RefreshTarget(type: .instagram, value: "someone")), status: RefreshStatus(code: 201, message: "pending")),
            holder: bob, leaseUntil: start + 45)
        time.advance(by: 1)
        guard case .joined(let existing) = try await outcome.value else {
            Issue.record("a target being submitted is joined, not sent again")
            return
        }
        #expect(existing.requestID == "r7", "joined under the id the server gave, never a placeholder")
        #expect(try await other.requests(in: nil).count == 1, "nothing was sent: the store has the one request")
        await joining.stop()
    }

    @Test func aTargetWhoseSubmissionCameToNothingIsSubmittedAnew() async throws {
        defer { cleanUp() }
        let (other, local, joining, outcome) = try await joinWhileBobSubmits()
        // The server refused the other process's POST: its intent goes.
        try await other.recordSubmissionFailure(local, .rejected(status: 400, serverMessage: "no"))
        time.advance(by: 1)
        guard case .submitted = try await outcome.value else {
            Issue.record("submitted anew")
            return
        }
        await joining.stop()
    }
}

extension AsyncStream<TrackerEvent>.Iterator {
    /// The next event that satisfies `condition`.
    mutating func next(where condition: (TrackerEvent) -> Bool) async -> TrackerEvent? {
        while let event = await next() {
            if condition(event) { return event }
        }
        return nil
    }

    /// The next change of the store that satisfies `condition` (any change when none is given).
    mutating func nextChange(where condition: (StoreChanges) -> Bool = { _ in true }) async -> StoreChanges? {
        while let event = await next() {
            if case .changed(let changes) = event, condition(changes) { return changes }
        }
        return nil
    }
}

extension AsyncStream<HTTPRequest>.Iterator {
    /// The method of the next request sent.
    mutating func nextMethod() async -> String? {
        await next()?.method
    }
}
