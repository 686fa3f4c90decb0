import Foundation
import RefreshAPI
import RefreshTestSupport
import RefreshTracking
import Testing

/// What both stores promise about spending quota once per target, who submitted what, and copying.
@Suite("Joining, submitters and copies, on every store", .throwawayPostgres)
struct JoinAndCopyContractTests {
    let date = StoreSamples.date
    let alice = LeaseHolder("alice@box 1 a")
    let hour: TimeInterval = 3600

    private func intent(_ store: any TrackingStore, _ target: RefreshTarget, at date: Date, freshFor: TimeInterval?)
        async throws -> RecordedIntent
    {
        try await store.recordIntent(
            target, at: date, holder: alice, leaseUntil: date + 45, submitter: "alice@box",
            joiningFreshSince: freshFor.map { date - $0 }, roster: nil, budget: .enforced)
    }

    @Test(arguments: StoreKind.allCases)
    func aTargetUnderWayOrFreshIsJoinedAndAnythingElseIsRecorded(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let (mine, theirs) = (shared.mine, shared.theirs)
        let target = try RefreshTarget(type: .instagram, value: "TheTatvaIndia")

        guard case .recorded(let first) = try await intent(mine, target, at: date, freshFor: hour) else {
            Issue.record("an empty store has nothing to join")
            return
        }
        let same = try RefreshTarget(type: .instagram, value: "thetatvaindia")
        guard case .joined(let beingSubmitted) = try await intent(theirs, same, at: date + 1, freshFor: hour) else {
            Issue.record("a target being submitted is joined, whatever the case of the handle")
            return
        }
        #expect(beingSubmitted.id == first)
        #expect(beingSubmitted.submittedBy == "alice@box", "it says who submitted it")

        try await mine.recordSubmission(
            first, StoreSamples.record("a", message: "pending", code: 201, handle: "TheTatvaIndia"), holder: nil,
            leaseUntil: nil)
        guard case .joined(let pending) = try await intent(theirs, target, at: date + 2, freshFor: 0) else {
            Issue.record("a pending request is joined even with no freshness window")
            return
        }
        #expect(pending.requestID == "a")

        try await mine.recordFinished(
            StoreSamples.record("a", message: "success", followers: 5, handle: "TheTatvaIndia"), body: Data("{}".utf8),
            at: date + 10)
        let finishedAt = try #require(try await mine.request("a")?.finishedAt)
        guard case .joined(let fresh) = try await intent(theirs, target, at: finishedAt + hour - 1, freshFor: hour) else {
            Issue.record("a success within the window is joined")
            return
        }
        #expect(fresh.state == .succeeded)
        guard case .recorded = try await intent(theirs, target, at: finishedAt + hour + 1, freshFor: hour) else {
            Issue.record("a success older than the window is not joined")
            return
        }
        guard case .recorded = try await intent(theirs, target, at: date + 20, freshFor: nil) else {
            Issue.record("forced: always recorded")
            return
        }
        let other = try RefreshTarget(type: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")
        let otherCase = try RefreshTarget(type: .youtube, value: "UCURYXOZQBVKN-ONUXNJH45Q")
        guard case .recorded = try await intent(mine, other, at: date + 30, freshFor: hour),
            case .recorded = try await intent(mine, otherCase, at: date + 30, freshFor: hour)
        else {
            Issue.record("channel ids are case-sensitive: two channels")
            return
        }
        #expect(try await theirs.requests(in: .submitting).allSatisfy { $0.submittedBy == "alice@box" })
    }

    /// A server that stamps its answers in the past (the spec's samples say 2024) must not make a success stale the
    /// moment it is recorded: freshness counts from when this store recorded it.
    @Test(arguments: StoreKind.allCases)
    func freshnessCountsFromWhenTheStoreRecordedTheSuccessNotTheServersStamp(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        let target = try RefreshTarget(type: .instagram, value: "bravo")
        guard case .recorded(let id) = try await intent(store, target, at: date, freshFor: hour) else {
            Issue.record("an empty store has nothing to join")
            return
        }
        try await store.recordSubmission(
            id, StoreSamples.record("b", message: "pending", code: 201, handle: "bravo"), holder: nil, leaseUntil: nil)
        var answer = StoreSamples.record("b", message: "success", followers: 5, handle: "bravo")
        answer.status?.responseAt = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01, long before `date`
        try await store.recordFinished(answer, body: Data("{}".utf8), at: date + 20)
        #expect(try await store.request("b")?.finishedAt == date + 20)
        guard case .joined(let fresh) = try await intent(store, target, at: date + 40, freshFor: hour) else {
            Issue.record("a success recorded twenty seconds ago is fresh, whatever the server stamped")
            return
        }
        #expect(fresh.requestID == "b")
    }

    @Test(arguments: StoreKind.allCases)
    func aFailedOrForgottenTargetIsSubmittedAgain(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        let target = try RefreshTarget(type: .instagram, value: "thetatvaindia")
        guard case .recorded(let local) = try await intent(store, target, at: date, freshFor: hour) else {
            Issue.record("nothing to join")
            return
        }
        try await store.recordSubmission(local, StoreSamples.record("f", message: "pending", code: 201), holder: nil, leaseUntil: nil)
        try await store.recordFinished(StoreSamples.record("f", message: "failed: private", code: 422), body: Data(), at: date)
        guard case .recorded(let again) = try await intent(store, target, at: date + 1, freshFor: hour) else {
            Issue.record("a failure is not joined")
            return
        }
        #expect(try await store.forget(localID: again))
        guard case .recorded = try await intent(store, target, at: date + 2, freshFor: hour) else {
            Issue.record("a forgotten intent is not joined")
            return
        }
    }

    @Test(arguments: StoreKind.allCases, StoreKind.allCases)
    func copyingKeepsIdsBodiesAndSnapshotsAndAddsNothingTwice(from source: StoreKind, to destination: StoreKind)
        async throws
    {
        let from = try await SharedStore.make(source)
        let to = try await SharedStore.make(destination)
        defer {
            from.cleanUp()
            to.cleanUp()
        }
        for (index, followers) in [900, 950].enumerated() {
            try await from.mine.recordSubmittedAndFinished(
                StoreSamples.record("r\(index)", message: "success", followers: followers),
                body: Data("{\"n\":\(index)}".utf8), at: date + Double(index) * 86_400)
        }
        _ = try await from.mine.recordIntent(try RefreshTarget(type: .instagram, value: "unsent"), at: date, holder: alice, leaseUntil: date + 45)
        // The destination saw r1 submitted but not its end.
        let target = try RefreshTarget(type: .instagram, value: "thetatvaindia")
        let local = try await to.mine.recordIntent(target, at: date, holder: alice, leaseUntil: date + 45)
        try await to.mine.recordSubmission(
            local, StoreSamples.record("r1", message: "pending", code: 201), holder: nil, leaseUntil: nil)
        var adoptions: [Adoption] = []

        for _ in 0..<2 {
            for request in try await from.mine.requests(in: nil) {
                let body = try await request.requestID.asyncMap { try await from.mine.responseBody(RequestID($0)) } ?? nil
                adoptions.append(try await to.mine.adopt(request, body: body, receivedAt: nil))
            }
            for creator in try await from.mine.creators() {
                _ = try await to.mine.adopt(creator, snapshots: try await from.mine.history(of: creator))
            }
        }
        #expect(adoptions == [.updated, .left, .added, .left, .left, .left], "r1, unsent, r0 (newest first); then nothing twice")
        #expect(try await to.mine.responseBody("r1") == Data("{\"n\":1}".utf8), "the end it lacked, body and all")
        let copied = try await to.mine.requests(in: nil)
        #expect(copied.map(\.requestID) == ["r1", "r0"], "requests with a server id, once each, newest first")
        #expect(copied.map(\.submittedAt) == [date + 86_400, date])
        #expect(try await to.mine.responseBody("r0") == Data("{\"n\":0}".utf8))
        let creator = try #require(try await to.mine.creators().first)
        #expect(creator.followers == 950)
        #expect(try await to.mine.history(of: creator).map(\.followers) == [900, 950])
        #expect(try await to.mine.history(of: creator).map(\.requestID) == ["r0", "r1"])
    }
}

extension JoinAndCopyContractTests {
    @Test(arguments: StoreKind.allCases, StoreKind.allCases)
    func aCopyCarriesRostersWithTheirMaximumAgeAndWhenEachCreatorJoined(from source: StoreKind, to destination: StoreKind)
        async throws
    {
        let from = try await SharedStore.make(source)
        let to = try await SharedStore.make(destination)
        defer {
            from.cleanUp()
            to.cleanUp()
        }
        let first = try RefreshTarget(type: .instagram, value: "thetatvaindia")
        let second = try RefreshTarget(type: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")
        let third = try RefreshTarget(type: .instagramID, value: "2121125346")
        try await from.mine.createRoster(try RosterName("summer-26"), maxAge: 7 * 86_400, at: date)
        _ = try await from.mine.addToRoster(try RosterName("summer-26"), [first, second], at: date + 60, creating: false)
        try await from.mine.createRoster(try RosterName("brand-x"), maxAge: 3 * 86_400, at: date + 100)
        _ = try await from.mine.addToRoster(try RosterName("brand-x"), [third], at: date + 120, creating: false)
        // The destination has a roster of that name already, with one of its creators.
        _ = try await to.mine.addToRoster(try RosterName("Summer-26"), [second], at: date + 600, creating: true)

        let report = try await StoreCopy.copy(from: from.mine, to: to.mine)
        #expect(report.rostersAdded == 1 && report.rosterMembersAdded == 2, "brand-x made; thetatvaindia and 2121125346 added")
        let again = try await StoreCopy.copy(from: from.mine, to: to.mine)
        #expect(again.rostersAdded == 0 && again.rosterMembersAdded == 0, "copying twice adds nothing twice")

        let rosters = try await to.mine.rosters()
        #expect(rosters.map(\.name) == ["brand-x", "Summer-26"])
        #expect(rosters.first { $0.name == "brand-x" }?.createdAt == date + 100)
        #expect(rosters.first { $0.name == "brand-x" }?.maxAge == TimeInterval(3 * 86_400), "a roster made by the copy keeps its maximum age")
        let summer = try await to.mine.rosterMembers(of: "summer-26")
        #expect(summer.map(\.target) == [second, first], "the destination's member first, then the copy's")
        #expect(summer.map(\.addedAt) == [date + 600, date + 60], "each joined when it joined there")
        let brand = try await to.mine.rosterMembers(of: "brand-x")
        #expect(brand.map(\.target) == [third] && brand.first?.addedAt == date + 120)
    }

    @Test(arguments: StoreKind.allCases)
    func aCopyCarriesEveryTableButTheStoresOwnBookkeeping(kind: StoreKind) async throws {
        let store = try await SharedStore.make(kind)
        defer { store.cleanUp() }
        let tables = try await store.mine.tables()
        #expect(tables.contains("request") && tables.contains("roster_member"), "\(tables)")
        for table in tables {
            #expect(
                StoreCopy.carriedTables.contains(table) || StoreCopy.storesOwnTables[table] != nil,
                "\(kind) has a table '\(table)' that store copy does not carry: carry it, or say why it stays")
        }
    }
}

extension Optional {
    fileprivate func asyncMap<Mapped>(_ transform: (Wrapped) async throws -> Mapped) async rethrows -> Mapped? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
