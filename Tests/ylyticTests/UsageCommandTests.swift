import Foundation
import RefreshTestSupport
import Testing
@testable import ylytic

@Suite("ylytic usage and budget")
struct UsageCommandTests {
    static func id(_ number: Int) -> String { "65b87c8576c9b42b3a2858" + String(format: "%02x", number) }

    /// On a clock the test moves (a budget's hour never ends behind its back), starting at the top of an hour.
    let time = ManualTimeSource(start: Date(timeIntervalSince1970: 1_765_000_800))

    /// A harness whose every POST is answered pending under an id of its own, and whose every request succeeds
    /// when it is first polled.
    func harness() -> CLIHarness {
        CLIHarness(
            (1...9).map { Bodies.record(Self.id($0), message: "pending", code: 201) },
            byRequestID: Dictionary(uniqueKeysWithValues: (1...9).map { (Self.id($0), [Bodies.succeeded(id: Self.id($0))]) }),
            time: time)
    }

    /// Runs a command that follows what it sends, moving the clock from one wait to the next until it ends.
    func following(_ cli: CLIHarness, _ arguments: String...) async -> CLIHarness.Run {
        let running = cli.start(arguments)
        _ = await running.advance(time, before: time.now + 1800) { _, _ in running.isDone }
        return await running.task.value
    }

    @Test func aSpentBudgetRefusesTheNextRefreshWithExitSixAndForceSendsBeyondIt() async throws {
        let cli = harness()
        #expect(await cli.run("budget", "show").stdout.contains("No budget is set"))
        let set = await cli.run("budget", "set", "2/day")
        #expect(set.status == 0)
        #expect(set.stderr.contains("Budget set to 2/day"))
        #expect(await cli.run("refresh", "@one").status == 0)
        #expect(await cli.run("refresh", "@two").status == 0)
        let refused = await cli.run("refresh", "@three")
        #expect(refused.status == 6, "\(refused.stderr)")
        #expect(refused.stderr.contains("the store's budget of 2/day is spent (2 sent this day, UTC)"), "\(refused.stderr)")
        #expect(cli.transport.requests.filter { $0.method == "POST" }.count == 2, "nothing was sent beyond the budget")

        let forced = await cli.run("refresh", "@three", "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        let shown = await cli.run("budget", "show")
        #expect(shown.stdout.contains("Budget 2/day: 3 used, 0 left this day (UTC); the next starts "), "\(shown.stdout)")

        #expect(await cli.run("budget", "clear").status == 0)
        #expect(await cli.run("refresh", "@four").status == 0)
    }

    @Test func usageCountsEachPOSTByDayPersonAndRoster() async throws {
        let cli = harness()
        #expect(await cli.run("roster", "create", "brand", "@one", "@two").status == 0)
        let refreshed = await following(cli, "roster", "refresh", "brand", "--yes")
        #expect(refreshed.status == 0, "\(refreshed.stderr)")
        #expect(await cli.run("refresh", "@three").status == 0)

        let byRoster = await cli.run("usage", "--by", "roster", "--csv")
        #expect(byRoster.stdout == "roster,refreshes\nbrand,2\n(no roster),1\n", "\(byRoster.stdout)")
        let byPerson = await cli.run("usage", "--by", "person", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(byPerson.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 3)
        #expect((object["rows"] as? [[String: Any]])?.count == 1, "one person sent them all: \(byPerson.stdout)")
        let byDay = await cli.run("usage")
        #expect(byDay.stdout.contains("DAY") && byDay.stdout.contains("Total 3"), "\(byDay.stdout)")
    }

    @Test func aBulkRunStopsWhereTheBudgetEndsAndSaysSo() async throws {
        let cli = harness()
        #expect(await cli.run("budget", "set", "3/hour").status == 0)
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-budget-\(UUID().uuidString).txt")
        try (1...6).map { "@creator\($0)" }.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: list) }
        let run = await following(cli, "refresh", "--from", list.path, "--yes")
        #expect(run.status == 6, "\(run.stderr)")
        #expect(run.stderr.contains("the store's budget of 3/hour is spent"), "\(run.stderr)")
        #expect(cli.transport.requests.filter { $0.method == "POST" }.count == 3)
    }

    @Test func aBudgetThatCannotBeReadIsRefusedSayingHowToWriteOne() async {
        let run = await CLIHarness([]).run("budget", "set", "lots\u{1B}[2J")
        #expect(run.status == 2)
        #expect(run.stderr.contains("such as 500/day"), "\(run.stderr)")
        #expect(!run.stderr.contains("\u{1B}"), "what was typed is shown, never acted on")
    }
}
