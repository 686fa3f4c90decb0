import Foundation
import RefreshAPI
import RefreshTestSupport
import RefreshTracking
import Testing

/// What both stores promise about paid refreshes: each POST counted once, by hour, submitter and roster, and a
/// budget every process keeps to.
@Suite("Paid refreshes and the budget, on every store", .throwawayPostgres)
struct UsageContractTests {
    let date = StoreSamples.date
    let alice = LeaseHolder("alice@box 1 a")

    private func intent(
        _ store: any TrackingStore, _ handle: String, at date: Date, by submitter: String = "alice@box",
        roster: String? = nil, budget: BudgetRule = .enforced
    ) async throws -> RecordedIntent {
        try await store.recordIntent(
            try RefreshTarget(type: .instagram, value: handle), at: date, holder: alice, leaseUntil: date + 45,
            submitter: submitter, joiningFreshSince: nil, roster: roster, budget: budget)
    }

    private func localID(_ recorded: RecordedIntent) throws -> Int64 {
        guard case .recorded(let id) = recorded else { throw UnexpectedIntent(recorded) }
        return id
    }

    @Test(arguments: StoreKind.allCases)
    func eachPOSTIsCountedOnceByHourSubmitterAndRosterAndOnlyWhatWasNeverSentComesOff(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let (mine, theirs) = (shared.mine, shared.theirs)
        let hour = Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 3600).rounded(.down) * 3600)

        let sent = try localID(try await intent(mine, "one", at: date, roster: "summer"))
        try await mine.recordSubmission(sent, StoreSamples.record("r1", message: "pending", code: 201, handle: "one"), holder: nil, leaseUntil: nil)
        _ = try localID(try await intent(mine, "two", at: date + 1, roster: "summer"))
        let unknown = try localID(try await intent(theirs, "three", at: date + 2, by: "bob@box"))
        try await theirs.recordSubmissionFailure(unknown, .outcomeUnknown("the connection dropped"))
        let refused = try localID(try await intent(theirs, "four", at: date + 3, by: "bob@box"))
        try await theirs.recordSubmissionFailure(refused, .serverUnavailable(attempts: 1, lastProblem: "connection refused"))
        let withdrawn = try localID(try await intent(theirs, "five", at: date + 4, by: "bob@box"))
        #expect(try await theirs.withdraw(localID: withdrawn))
        let forgotten = try localID(try await intent(theirs, "seven", at: date + 5, by: "bob@box"))
        #expect(try await theirs.forget(localID: forgotten), "forgetting an intent in flight: its POST may have gone")
        #expect(try await !theirs.withdraw(localID: sent), "only an intent still being submitted can be taken back")
        _ = try localID(try await intent(mine, "six", at: date + 3600, roster: "summer"))

        #expect(
            try await theirs.usage(since: date - 86_400) == [
                UsageCount(hour: hour, submitter: "alice@box", roster: "summer", refreshes: 2),
                UsageCount(hour: hour, submitter: "bob@box", roster: nil, refreshes: 2),
                UsageCount(hour: hour + 3600, submitter: "alice@box", roster: "summer", refreshes: 1),
            ], "the unknown outcome and the forgotten intent may have cost; the refused POST and the withdrawn one did not")
        #expect(try await mine.usage(since: date + 3600).map(\.refreshes) == [1], "counted from a time on")

        #expect(try await mine.forget(RequestID("r1"), purge: true))
        #expect(try await mine.usage(since: date - 86_400).reduce(0) { $0 + $1.refreshes } == 5, "forgetting does not refund")
    }

    @Test(arguments: StoreKind.allCases)
    func theBudgetIsSharedAndRefusesTheRefreshBeyondItUnlessIgnored(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let (mine, theirs) = (shared.mine, shared.theirs)
        #expect(try await theirs.budget() == nil)
        let budget = try RefreshBudget(parsing: "2/day")
        try await mine.setBudget(budget)
        #expect(try await theirs.budget() == budget, "every process keeps to the same budget")

        let day = budget.periodStart(containing: date)
        _ = try localID(try await intent(mine, "one", at: day + 10))
        _ = try localID(try await intent(theirs, "two", at: day + 20, by: "bob@box"))
        #expect(try await intent(mine, "three", at: day + 30) == .overBudget(budget, used: 2))
        _ = try localID(try await intent(theirs, "three", at: day + 40, budget: .ignored))
        #expect(try await intent(theirs, "four", at: day + 50) == .overBudget(budget, used: 3), "--force is counted too")
        _ = try localID(try await intent(mine, "four", at: day + 86_400))
        #expect(try await mine.usage(since: day).reduce(0) { $0 + $1.refreshes } == 4, "the refused ones are not counted")

        try await theirs.setBudget(nil)
        #expect(try await mine.budget() == nil)
        _ = try localID(try await intent(mine, "five", at: day + 86_400 + 1))
    }

    @Test(arguments: StoreKind.allCases)
    func twoProcessesRacingForTheLastRefreshOfTheBudgetSendOne(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let (mine, theirs) = (shared.mine, shared.theirs)
        try await mine.setBudget(RefreshBudget(limit: 5, period: .hour))
        let outcomes = try await withThrowingTaskGroup(of: RecordedIntent.self) { group in
            for index in 0..<8 {
                let store = index.isMultiple(of: 2) ? mine : theirs
                group.addTask { try await intent(store, "racer\(index)", at: date + Double(index)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let recorded = outcomes.filter { if case .recorded = $0 { true } else { false } }
        #expect(recorded.count == 5, "\(outcomes)")
        #expect(try await theirs.usage(since: date - 3600).reduce(0) { $0 + $1.refreshes } == 5)
    }
}

struct UnexpectedIntent: Error {
    let recorded: RecordedIntent

    init(_ recorded: RecordedIntent) {
        self.recorded = recorded
    }
}
