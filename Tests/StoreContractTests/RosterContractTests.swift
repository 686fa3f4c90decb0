import Foundation
import RefreshAPI
import RefreshTestSupport
import RefreshTracking
import Testing

/// What both stores promise about rosters: named lists of creators, shared live, changed all or nothing.
@Suite("Rosters, on every store", .throwawayPostgres)
struct RosterContractTests {
    let date = StoreSamples.date

    private func handles(_ names: String...) throws -> [RefreshTarget] {
        try names.map { try RefreshTarget(type: .instagram, value: $0) }
    }

    @Test(arguments: StoreKind.allCases)
    func aRosterIsSharedWithItsCreatorsLatestFiguresAndAgesInOrderAdded(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let (mine, theirs) = (shared.mine, shared.theirs)
        let before = try await theirs.changes(since: .beginning).revision

        let name = try RosterName("summer-26")
        try await mine.createRoster(name, maxAge: 7 * 86_400, at: date)
        let channel = try RefreshTarget(type: .youtube, value: "UCabcdefghijklmnopqrstuv")
        let addition = try await mine.addToRoster(
            name, try handles("thetatvaindia", "zoe") + [channel, try RefreshTarget(type: .instagram, value: "Zoe")],
            at: date + 1, creating: false)
        #expect(addition == RosterAddition(created: false, added: 3, alreadyIn: 1), "Zoe and zoe are one handle")

        let changes = try await theirs.changes(since: before)
        #expect(changes.creatorsChanged, "another process learns that rosters changed")
        let listed = try await theirs.rosters()
        #expect(listed.map { Roster(name: $0.name, maxAge: $0.maxAge, createdAt: $0.createdAt, memberCount: $0.memberCount) }
            == [Roster(name: "summer-26", maxAge: 7 * 86_400, createdAt: date, memberCount: 3)])
        #expect(listed.allSatisfy { $0.id != nil }, "each roster read from a store has its number")
        #expect(try await theirs.roster(named: "SUMMER-26")?.name == "summer-26", "names are found whatever their case")

        try await mine.recordSubmittedAndFinished(
            StoreSamples.record("a", message: "success", followers: 12_000, handle: "TheTatvaIndia"), body: Data("{}".utf8),
            at: date + 100)
        let members = try await theirs.rosterMembers(of: "summer-26")
        #expect(members.map(\.target) == (try handles("thetatvaindia", "zoe")) + [channel], "in the order added")
        #expect(members[0].creator?.followers == 12_000, "a refreshed member has its creator's latest figures")
        #expect(members[0].latest?.requestID == "a")
        #expect(members[0].refreshedAt == members[0].latest?.finishedAt)
        #expect(members[1].creator == nil && members[1].latest == nil && members[1].refreshedAt == nil)
        let now = try #require(members[0].refreshedAt) + 86_400
        #expect(!members[0].isStale(maxAge: 7 * 86_400, at: now) && members[1].isStale(maxAge: 7 * 86_400, at: now))
        #expect(members[0].isStale(maxAge: 7 * 86_400, at: now + 7 * 86_400))
        #expect(
            try await theirs.rosterMemberships()
                == [RosterMembership(roster: "summer-26", maxAge: 7 * 86_400, creatorID: try #require(members[0].creator?.id))],
            "each refreshed member's creator, as its roster says")

        try await mine.setMaxAge(of: "Summer-26", to: nil)
        #expect(try await theirs.roster(named: "summer-26")?.maxAge == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func aRenamedRosterKeepsItsCreatorsAndAgeAndANameInUseIsRefused(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let (mine, theirs) = (shared.mine, shared.theirs)
        try await mine.createRoster(try RosterName("summer"), maxAge: 86_400, at: date)
        _ = try await mine.addToRoster(try RosterName("summer"), try handles("a", "b"), at: date, creating: false)
        try await mine.createRoster(try RosterName("winter"), maxAge: nil, at: date)
        await #expect(throws: RosterError.nameInUse("Winter")) { try await mine.renameRoster("summer", to: try RosterName("Winter")) }
        await #expect(throws: RosterError.notFound("autumn")) { try await mine.renameRoster("autumn", to: try RosterName("fall")) }
        let before = try await theirs.changes(since: .beginning).revision
        let number = try #require(try await theirs.roster(named: "summer")?.id)
        try await mine.renameRoster("SUMMER", to: try RosterName("summer-26"))
        #expect(try await theirs.changes(since: before).creatorsChanged, "another process learns of it")
        #expect(
            try await theirs.roster(named: "summer-26")
                == Roster(id: number, name: "summer-26", maxAge: 86_400, createdAt: date, memberCount: 2), "the same roster, by its number")
        #expect(try await theirs.roster(named: "summer") == nil)
        try await mine.renameRoster("summer-26", to: try RosterName("Summer-26"))
        #expect(try await theirs.rosters().map(\.name) == ["Summer-26", "winter"], "a change of case is a rename")
    }

    @Test(arguments: StoreKind.allCases)
    func badChangesAreRefusedWithTheReasonAndWriteNothing(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        let name = try RosterName("brand")
        try await store.createRoster(name, maxAge: nil, at: date)
        _ = try await store.addToRoster(name, try handles("a", "b"), at: date, creating: false)

        await #expect(throws: RosterError.exists("Brand")) { try await store.createRoster(try RosterName("Brand"), maxAge: nil, at: date) }
        await #expect(throws: RosterError.notFound("other")) {
            _ = try await store.addToRoster(try RosterName("other"), try handles("a"), at: date, creating: false)
        }
        await #expect(throws: RosterError.notMembers("brand", ["instagram c"])) {
            try await store.removeFromRoster("brand", try handles("a", "c"))
        }
        #expect(try await store.rosterMembers(of: "brand").map(\.target.value) == ["a", "b"], "a is still there")

        let tooMany = try (0...Roster.maximumMembers).map { try RefreshTarget(type: .instagramID, value: String(1000 + $0)) }
        await #expect(throws: RosterError.tooLarge("big", Roster.maximumMembers + 1)) {
            _ = try await store.addToRoster(try RosterName("big"), tooMany, at: date, creating: true)
        }
        #expect(try await store.rosters().map(\.name) == ["brand"], "the roster that would be too large was not made")
        await #expect(throws: RosterError.notFound("nope")) { try await store.setMaxAge(of: "nope", to: 1) }
        await #expect(throws: RosterError.notFound("nope")) { _ = try await store.rosterMembers(of: "nope") }

        try await store.removeFromRoster("BRAND", try handles("a"))
        #expect(try await store.rosterMembers(of: "brand").map(\.target.value) == ["b"])
        let made = try await store.addToRoster(try RosterName("new"), try handles("x"), at: date, creating: true)
        #expect(made.created && made.added == 1)
        #expect(try await store.deleteRoster("Brand"))
        #expect(try await !store.deleteRoster("brand"), "a second delete finds nothing")
        #expect(try await store.rosters().map(\.name) == ["new"])
    }
}
