import Foundation
import RefreshAPI
import RefreshStore
import RefreshTracking
import Testing

/// What every ``TrackingStore`` promises the tracker: the change feed, poll leases, and the rules that let
/// several processes share one store. Written against the protocol, so that another store can run it too.
@Suite("The store as the tracker sees it")
struct TrackingStoreContractTests {
    let temporary = TemporaryStore()
    let date = StoreSamples.date
    let alice = LeaseHolder("alice@box 1 a")
    let bob = LeaseHolder("bob@box 2 b")

    /// A second connection to the same store, as another process would have.
    func twoStores() throws -> (any TrackingStore, any TrackingStore) {
        (try temporary.open(), try temporary.open())
    }

    func submit(_ store: any TrackingStore, _ id: String, holder: LeaseHolder? = nil) async throws -> Int64 {
        let target = try RefreshTarget(type: .instagram, value: "creator_\(id)")
        let local = try await store.recordIntent(target, at: date, holder: alice, leaseUntil: date + 45)
        try await store.recordSubmission(
            local,
            RefreshRecord(
                requestID: RequestID(id), request: EchoedRequest(target), status: RefreshStatus(code: 201, message: "pending")),
            holder: holder, leaseUntil: holder == nil ? nil : date + 45)
        return local
    }

    @Test func theFeedGivesEverythingFirstThenOnlyWhatChangedInAnyConnection() async throws {
        defer { temporary.cleanUp() }
        let (mine, theirs) = try twoStores()
        _ = try await submit(mine, "a")
        let first = try await mine.changes(since: .beginning)
        #expect(first.replacesEverything)
        #expect(first.requests.map(\.requestID) == ["a"])
        #expect(try await mine.changes(since: first.revision).isEmpty, "nothing since")

        let local = try await submit(theirs, "b")
        let second = try await mine.changes(since: first.revision)
        #expect(second.requests.map(\.requestID) == ["b"], "written by the other connection")
        #expect(!second.replacesEverything)
        #expect(!second.creatorsChanged)

        try await theirs.recordFinished(StoreSamples.record("b", message: "success", followers: 7), body: Data("{}".utf8), at: date)
        let third = try await mine.changes(since: second.revision)
        #expect(third.requests.map(\.state) == [.succeeded])
        #expect(third.creatorsChanged)

        #expect(try await theirs.forget(localID: local))
        let fourth = try await mine.changes(since: third.revision)
        #expect(fourth.forgotten == [ForgottenRequest(localID: local, requestID: "b")])
        #expect(fourth.requests.isEmpty)
    }

    @Test func aPollThatChangesNothingShownLeavesTheRowOutOfTheFeed() async throws {
        defer { temporary.cleanUp() }
        let (store, _) = try twoStores()
        _ = try await submit(store, "a")
        let before = try await store.changes(since: .beginning).revision
        try await store.recordPoll(StoreSamples.record("a", message: "pending", code: 201), at: date + 2, nextPollAt: date + 5)
        #expect(try await store.changes(since: before).requests.isEmpty)
        #expect(try await store.request("a")?.nextPollAt == date + 5, "the next poll is recorded all the same")
        try await store.recordError("a", "HTTP 503", gaveUp: false, nextPollAt: date + 9)
        #expect(try await store.changes(since: before).requests.map(\.errorCount) == [1])
    }

    @Test func anEndedRequestNeverGoesBackAndGivesOneSnapshot() async throws {
        defer { temporary.cleanUp() }
        let (store, other) = try twoStores()
        _ = try await submit(store, "a")
        let finished = StoreSamples.record("a", message: "success", followers: 10)
        try await store.recordFinished(finished, body: Data("{}".utf8), at: date + 10)
        try await other.recordFinished(finished, body: Data("{}".utf8), at: date + 11)
        try await store.recordPoll(StoreSamples.record("a", message: "pending", code: 201), at: date + 12, nextPollAt: nil)
        try await store.recordStale("a")
        try await store.recordError("a", "late", gaveUp: true, nextPollAt: nil)
        let request = try #require(try await store.request("a"))
        #expect(request.state == .succeeded)
        #expect(request.detail == nil)
        #expect(try await store.history(ofCreatorRefreshedBy: "a").count == 1)
    }

    @Test func aLeaseKeepsARequestWithOneHolderUntilItRunsOutOrIsReleased() async throws {
        defer { temporary.cleanUp() }
        let (store, other) = try twoStores()
        _ = try await submit(store, "a")
        _ = try await submit(store, "b", holder: bob)
        let claim = try await store.claimLeases(for: alice, until: date + 45, now: date, among: nil)
        #expect(claim.claimed.map(\.requestID) == ["a"], "b is bob's")
        #expect(claim.nextExpiry == date + 45, "when bob's lease runs out")
        #expect(try await other.claimLeases(for: bob, until: date + 45, now: date + 1, among: nil).claimed.isEmpty)

        #expect(try await store.renewLeases(of: alice, until: date + 80) == ["a"])
        let taken = try await other.claimLeases(for: bob, until: date + 90, now: date + 60, among: ["a"])
        #expect(taken.claimed.isEmpty, "alice renewed until 80")
        let takenOver = try await other.claimLeases(for: bob, until: date + 130, now: date + 85, among: ["a"])
        #expect(takenOver.claimed.map(\.requestID) == ["a"], "alice's lease ran out")
        #expect(try await store.renewLeases(of: alice, until: date + 120).isEmpty, "alice learns she lost it")

        try await other.releaseLeases(of: bob)
        let released = try await store.claimLeases(for: alice, until: date + 140, now: date + 95, among: ["b"])
        #expect(released.claimed.map(\.requestID) == ["b"], "released leases are free at once; only b was asked for")
        #expect(try await store.request("a")?.leaseHolder == nil)

        try await store.recordFinished(StoreSamples.record("b", message: "success", followers: 1), body: Data(), at: date + 96)
        #expect(try await store.request("b")?.leaseHolder == nil, "an ended request holds no lease")
    }

    @Test func anIntentWhoseSubmitterStoppedBecomesOutcomeUnknownWhenLeasesAreClaimed() async throws {
        defer { temporary.cleanUp() }
        let (store, _) = try twoStores()
        let local = try await store.recordIntent(
            try RefreshTarget(type: .instagram, value: "x"), at: date, holder: alice, leaseUntil: date + 45)
        _ = try await store.claimLeases(for: bob, until: date + 60, now: date + 10, among: nil)
        #expect(try await store.request(localID: local)?.state == .submitting, "the POST may still be under way")
        _ = try await store.claimLeases(for: bob, until: date + 100, now: date + 50, among: nil)
        let request = try #require(try await store.request(localID: local))
        #expect(request.state == .unknown)
        #expect(request.detail?.contains("outcome unknown") == true)
    }

    @Test func requestsKnownByIdAloneAreAdoptedAndResumedButEndedOnesAreLeft() async throws {
        defer { temporary.cleanUp() }
        let (store, _) = try twoStores()
        _ = try await submit(store, "ended")
        try await store.recordFinished(StoreSamples.record("ended", message: "failed: private", code: 422), body: Data(), at: date)
        _ = try await submit(store, "gaveup")
        try await store.recordError("gaveup", "HTTP 500", gaveUp: true, nextPollAt: nil)
        try await store.track(["new", "ended", "gaveup"], at: date + 5)
        #expect(try await store.request("new")?.state == .pending)
        #expect(try await store.request("gaveup")?.state == .pending)
        #expect(try await store.request("ended")?.state == .failed)
        try await store.recordPoll(
            StoreSamples.record("new", message: "pending", code: 201, handle: "learned"), at: date + 6, nextPollAt: nil)
        let adopted = try #require(try await store.request("new"))
        #expect(adopted.requestType == "instagram")
        #expect(adopted.targetValue == "learned", "type and target come with the first answer")
    }

    @Test func aWriteFromAnotherConnectionGivesAHint() async throws {
        defer { temporary.cleanUp() }
        let (mine, theirs) = try twoStores()
        let hints = mine.changeHints()
        let written = Task { _ = try await submit(theirs, "a") }
        let hinted = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in hints { return true }
                return false
            }
            group.addTask {
                // A safety net against a hang, not a synchronisation: the hint comes within milliseconds.
                try? await Task.sleep(for: .seconds(20))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        try await written.value
        #expect(hinted)
    }
}
