import Foundation
import RefreshAPI
import RefreshStore
import RefreshTestSupport
import RefreshTracking
import Testing

/// Every command that takes a request id also takes the creator or post it was about, and a refresh the store holds
/// as ended is answered from the store, with no token or network.
@Suite("Commands by creator, and answers from the store")
struct CreatorReferenceTests {
    static let id = "65b87c8576c9b42b3a285805"

    /// A store holding one finished refresh of @anurag.itbhu05 (Anurag Gupta), and a command line on it with no
    /// token and a server that cannot be reached.
    static func offlineStore() async -> CLIHarness {
        let online = CLIHarness([Bodies.pending], fallback: Bodies.succeeded(id: id))
        let refreshed = await online.run("refresh", "instagram", "anurag.itbhu05", "--wait")
        #expect(refreshed.status == 0, "\(refreshed.stderr)")
        var offline = CLIHarness([], fallback: .failure(.notSent("no network")))
        offline.environment["YLYTIC_STORE"] = online.environment["YLYTIC_STORE"]
        offline.environment["YLYTIC_TOKEN"] = nil
        return offline
    }

    @Test func showAndStatusOfAnEndedRefreshNeedNoTokenNorNetwork() async {
        let cli = await Self.offlineStore()
        for reference in [
            [Self.id], ["@anurag.itbhu05"], ["anurag.itbhu05"], ["https://www.instagram.com/anurag.itbhu05/"],
            ["instagram", "anurag.itbhu05"], ["Anurag Gupta"],
        ] {
            let show = await cli.run(["show"] + reference)
            #expect(show.status == 0, "show \(reference): \(show.stderr)")
            #expect(show.stdout.contains("Anurag Gupta"), "show \(reference)")
            #expect(show.stdout.hasPrefix("From the store: refreshed "), "show \(reference)")
            let status = await cli.run(["status"] + reference)
            #expect(status.status == 0, "status \(reference): \(status.stderr)")
            #expect(status.stdout == "\(Self.id)  succeeded\n", "status \(reference)")
        }
        #expect(cli.transport.requests.isEmpty)
    }

    @Test func fetchAsksTheServerEvenForAnEndedRefresh() async {
        let cli = await Self.offlineStore()
        let run = await cli.run("show", "@anurag.itbhu05", "--fetch")
        #expect(run.status == 3)
        #expect(run.stderr.contains("token"))
    }

    @Test func exportHistoryAndJSONTakeACreator() async throws {
        let cli = await Self.offlineStore()
        let export = await cli.run("export", "@anurag.itbhu05")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.hasPrefix("kind,shortcode,posted_date,"))
        #expect(export.stdout.contains("hello world"))
        #expect(export.stdout == (await cli.run("export", Self.id)).stdout)
        let history = await cli.run("history", "https://instagram.com/anurag.itbhu05")
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains(Self.id))
        let byRequest = await cli.run("history", Self.id)
        #expect(byRequest.stdout == history.stdout)
        let json = await cli.run("status", "@anurag.itbhu05", "--json")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.first?["request_id"] as? String == Self.id)
    }

    @Test func aCreatorNotInTheStoreIsAnInputErrorNamingIt() async {
        let cli = await Self.offlineStore()
        for command in ["show", "export", "history"] {
            let run = await cli.run(command, "@nobody")
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr.contains("@nobody"), "\(command): \(run.stderr)")
        }
        let status = await cli.run("status", "@nobody", Self.id)
        #expect(status.status == 2)
        #expect(status.stdout.contains("@nobody"))
        #expect(status.stdout.contains("\(Self.id)  succeeded"))
    }

    @Test func aBareWordNoCreatorHasIsAskedOfTheServerAndTheFailureSaysSo() async {
        var cli = await Self.offlineStore()
        cli.environment["YLYTIC_TOKEN"] = Samples.token.secret
        let show = await cli.run("show", "bravo")
        #expect(show.status == 4)
        #expect(show.stderr.contains("('bravo' names no creator in the store either; a handle is written @bravo)"), "\(show.stderr)")
        let status = await cli.run("status", "bravo")
        #expect(status.stdout.contains("names no creator in the store either"), "\(status.stdout)")
        let id = await cli.run("show", "65b87c8576c9b42b3a2858ff")
        #expect(id.status == 4)
        #expect(!id.stderr.contains("in the store either"), "a word shaped as a request id is only that")
    }

    @Test func aNameTwoCreatorsShareListsThemAndExitsTwo() async throws {
        let cli = CLIHarness([])
        let store = try RefreshStore(url: URL(fileURLWithPath: try #require(cli.environment["YLYTIC_STORE"])))
        let body = try Samples.fixture("spec-get-response")
        try await store.recordSubmittedAndFinished(
            StoreSamples.record("i1", message: "success", followers: 10, handle: "anurag"), body: body, at: StoreSamples.date)
        try await store.recordSubmittedAndFinished(
            StoreSamples.record("y1", message: "success", followers: 20, handle: "UCabcdefghijklmnopqrstuv", type: .youtube),
            body: body, at: StoreSamples.date)
        let run = await cli.run("show", "Anurag Gupta")
        #expect(run.status == 2)
        #expect(run.stderr.contains("names 2 creators"))
        #expect(run.stderr.contains("  instagram anurag (Anurag Gupta)"))
        #expect(run.stderr.contains("  youtube UCabcdefghijklmnopqrstuv (Anurag Gupta)"))
        let byHandle = await cli.run("history", "@anurag")
        #expect(byHandle.status == 0, "a handle never matches a name: \(byHandle.stderr)")
        #expect(byHandle.stdout.contains("i1") && !byHandle.stdout.contains("y1"))
        let chosen = await cli.run("history", "youtube", "UCabcdefghijklmnopqrstuv")
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout.contains("y1"))
        #expect(!chosen.stdout.contains("i1"))
    }

    @Test func aPendingRequestIsAskedOfTheServer() async {
        let cli = CLIHarness([Bodies.pending], fallback: Bodies.record(Self.id, message: "pending", code: 201))
        let submitted = await cli.run("refresh", "instagram", "thetatvaindia")
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let before = cli.transport.requests.count
        let status = await cli.run("status", "@thetatvaindia")
        #expect(status.stdout.hasPrefix("\(Self.id)  pending"), "\(status.everything)")
        #expect(cli.transport.requests.count == before + 1)
    }
}
