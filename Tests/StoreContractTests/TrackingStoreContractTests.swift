import Foundation
import RefreshAPI
import RefreshTestSupport
import RefreshTracking
import Testing

/// What every ``TrackingStore`` promises the tracker: the change feed, poll leases, joining, copying, and the
/// rules that let several processes share one store. Each test runs on SQLite and on PostgreSQL alike, so that
/// the two cannot drift apart.
@Suite("The store as the tracker sees it", .throwawayPostgres)
struct TrackingStoreContractTests {
    let date = StoreSamples.date
    let alice = LeaseHolder("alice@box 1 a")
    let bob = LeaseHolder("bob@box 2 b")

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

    @Test(arguments: StoreKind.allCases)
    func theFeedGivesEverythingFirstThenOnlyWhatChangedInAnyConnection(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let (mine, theirs) = (shared.mine, shared.theirs)
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

    @Test(arguments: StoreKind.allCases)
    func aPollThatChangesNothingShownLeavesTheRowOutOfTheFeed(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        _ = try await submit(store, "a")
        let before = try await store.changes(since: .beginning).revision
        try await store.recordPoll(StoreSamples.record("a", message: "pending", code: 201), at: date + 2, nextPollAt: date + 5)
        #expect(try await store.changes(since: before).requests.isEmpty)
        #expect(try await store.request("a")?.nextPollAt == date + 5, "the next poll is recorded all the same")
        try await store.recordError("a", "HTTP 503", gaveUp: false, nextPollAt: date + 9)
        #expect(try await store.changes(since: before).requests.map(\.errorCount) == [1])
    }

    @Test(arguments: StoreKind.allCases)
    func anEndedRequestNeverGoesBackAndGivesOneSnapshot(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let (store, other) = (shared.mine, shared.theirs)
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

    @Test(arguments: StoreKind.allCases)
    func aLeaseKeepsARequestWithOneHolderUntilItRunsOutOrIsReleased(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let (store, other) = (shared.mine, shared.theirs)
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

    @Test(arguments: StoreKind.allCases)
    func anIntentWhoseSubmitterStoppedBecomesOutcomeUnknownWhenLeasesAreClaimed(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        let local = try await store.recordIntent(
            try RefreshTarget(type: .instagram, value: "x"), at: date, holder: alice, leaseUntil: date + 45)
        _ = try await store.claimLeases(for: bob, until: date + 60, now: date + 10, among: nil)
        #expect(try await store.request(localID: local)?.state == .submitting, "the POST may still be under way")
        _ = try await store.claimLeases(for: bob, until: date + 100, now: date + 50, among: nil)
        let request = try #require(try await store.request(localID: local))
        #expect(request.state == .unknown)
        #expect(request.detail?.contains("outcome unknown") == true)
    }

    @Test(arguments: StoreKind.allCases)
    func requestsKnownByIdAloneAreAdoptedAndResumedButEndedOnesAreLeft(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
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

    @Test(arguments: StoreKind.allCases)
    func aWriteFromAnotherConnectionGivesAHint(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let (mine, theirs) = (shared.mine, shared.theirs)
        let hints = mine.changeHints()
        if kind == .postgresql {
            // A store on a server says when it starts listening; the write must come after that.
            for await hint in hints where hint == .changed { break }
        }
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

    @Test(arguments: StoreKind.allCases)
    func intentThenSubmissionThenPollsThenFinish(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        let target = try RefreshTarget(type: .instagram, value: "thetatvaindia")
        let local = try await store.recordIntent(target, at: StoreSamples.date, holder: StoreSamples.holder, leaseUntil: StoreSamples.date + 45)
        #expect(try await store.requests(in: nil).map(\.state) == [.submitting])
        try await store.recordSubmission(local, StoreSamples.record("abc", message: "pending", code: 201), holder: nil, leaseUntil: nil)
        #expect(try await store.requests(in: nil).filter(\.state.isFollowed).map(\.requestID) == ["abc"])
        try await store.recordPoll(StoreSamples.record("abc", message: "pending", code: 201), at: StoreSamples.date + 2, nextPollAt: nil)
        try await store.recordStale("abc")
        try await store.recordPoll(StoreSamples.record("abc", message: "pending", code: 201), at: StoreSamples.date + 40, nextPollAt: nil)
        #expect(try await store.request("abc")?.state == .stale, "a poll that is still pending keeps it stale")
        let finished = StoreSamples.record("abc", message: "success", followers: 10_001)
        try await store.recordFinished(finished, body: Data("{\"raw\":true}".utf8), at: StoreSamples.date + 60)
        let request = try #require(try await store.request("abc"))
        #expect(request.state == .succeeded)
        #expect(request.followers == 10_001)
        #expect(request.creatorName == "Anurag Gupta")
        #expect(request.target == target)
        #expect(try await store.responseBody("abc") == Data("{\"raw\":true}".utf8))
        #expect(try await store.requests(in: nil).filter(\.state.isFollowed).isEmpty)
        let creator = try #require(try await store.creators(matching: "@TheTatvaIndia").first)
        #expect(creator.followers == 10_001)
        #expect(creator.tier == "micro", "derived from followers when the API sends none")
        #expect(try await store.history(of: creator).map(\.followers) == [10_001])
    }

    @Test(arguments: StoreKind.allCases)
    func youTubeChannelIDsKeepTheirCaseAndHandlesDoNot(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        try await store.recordSubmittedAndFinished(
            StoreSamples.record("y", message: "success", followers: 5, handle: "UCurYxozQbvKn-oNUxNJh45Q", type: .youtube),
            body: Data("{}".utf8), at: StoreSamples.date)
        try await store.recordSubmittedAndFinished(
            StoreSamples.record("i", message: "success", followers: 6, handle: "TheTatvaIndia"), body: Data("{}".utf8),
            at: StoreSamples.date)
        #expect(Set(try await store.creators().map(\.key)) == ["UCurYxozQbvKn-oNUxNJh45Q", "thetatvaindia"])
        #expect(try await store.creators(matching: "ucuryxozqbvkn-onuxnjh45q").count == 1, "found whatever the case typed")
    }

    @Test(arguments: StoreKind.allCases)
    func failedRefreshKeepsTheServersWordsAndNoResponse(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        let local = try await store.recordIntent(try RefreshTarget(type: .instagram, value: "x"), at: StoreSamples.date, holder: StoreSamples.holder, leaseUntil: StoreSamples.date + 45)
        try await store.recordSubmission(local, StoreSamples.record("f1", message: "pending", code: 201), holder: nil, leaseUntil: nil)
        try await store.recordFinished(StoreSamples.record("f1", message: "failed: this account is private", code: 422), body: Data(), at: StoreSamples.date)
        #expect(try await store.request("f1")?.state == .failed)
        #expect(try await store.request("f1")?.detail == "failed: this account is private")
        #expect(try await store.responseBody("f1") == nil)
        #expect(try await store.requests(in: .failed).count == 1)
        #expect(try await store.requests(in: .succeeded).isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func aCreatorKeepsWhatQueriesAskAboutAndItsFollowersBefore(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        for (index, followers) in [9_000, 9_500].enumerated() {
            var record = StoreSamples.record("q\(index)", message: "success", followers: followers)
            record.response?.profileDetails?.category = "Food"
            record.response?.profileDetails?.city = "Pune"
            record.response?.profileDetails?.country = "India"
            record.response?.profileDetails?.biography = "Home recipes"
            record.response?.growthTrends = GrowthTrends(monthlyFollowersGrowth: -0.5)
            try await store.recordSubmittedAndFinished(record, body: Data("{}".utf8), at: StoreSamples.date + Double(index))
        }
        let creator = try #require(try await store.creators().first)
        #expect(creator.followers == 9_500)
        #expect(creator.previousFollowers == 9_000)
        #expect(creator.followersGrowthMonth == -0.5)
        #expect(creator.sponsoredShare == 50, "one of the two sample posts is sponsored")
        #expect([creator.category, creator.city, creator.country, creator.biography] == ["Food", "Pune", "India", "Home recipes"])
    }

    @Test(arguments: StoreKind.allCases)
    func historyGrowsWithEachRefreshOfTheSameCreator(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        for (index, followers) in [9_000, 9_500, 10_001].enumerated() {
            try await store.recordSubmittedAndFinished(
                StoreSamples.record("r\(index)", message: "success", followers: followers), body: Data("{}".utf8),
                at: StoreSamples.date + Double(index) * 86_400)
        }
        let creators = try await store.creators()
        #expect(creators.count == 1)
        #expect(try await store.history(of: creators[0]).map(\.followers) == [9_000, 9_500, 10_001])
        #expect(try await store.history(ofCreatorRefreshedBy: "r1").map(\.followers) == [9_000, 9_500, 10_001])
        #expect(try await store.history(ofCreatorRefreshedBy: "unknown").isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func interruptedSubmissionBecomesOutcomeUnknownOnceItsLeaseRunsOut(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        let target = try RefreshTarget(type: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")
        _ = try await store.recordIntent(target, at: StoreSamples.date, holder: StoreSamples.holder, leaseUntil: StoreSamples.date + 45)
        #expect(
            try await store.recoverInterruptedSubmissions(now: StoreSamples.date + 30) == 0,
            "its submitter's lease still runs: the POST is under way")
        #expect(try await store.recoverInterruptedSubmissions(now: StoreSamples.date + 46) == 1)
        let request = try #require(try await store.requests(in: nil).first)
        #expect(request.state == .unknown)
        #expect(request.detail?.contains("outcome unknown") == true)
        #expect(request.target == target)
    }

    @Test(arguments: StoreKind.allCases)
    func forgetKeepsResponseAndHistoryUnlessPurged(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        try await store.recordSubmittedAndFinished(StoreSamples.record("a", message: "success", followers: 5), body: Data("{}".utf8), at: StoreSamples.date)
        try await store.recordSubmittedAndFinished(StoreSamples.record("b", message: "success", followers: 6), body: Data("{}".utf8), at: StoreSamples.date + 1)
        #expect(try await store.forget("a", purge: false))
        #expect(try await store.request("a") == nil)
        #expect(try await store.responseBody("a") != nil)
        #expect(try await store.history(of: store.creators()[0]).count == 2)
        #expect(try await store.forget("b", purge: true))
        #expect(try await store.responseBody("b") == nil)
        #expect(try await store.history(of: store.creators()[0]).map(\.followers) == [5])
        #expect(try await store.forget("nope", purge: false) == false)
    }
}
