import ArgumentParser
import Foundation
import RefreshAPI
import RefreshSimulator
import RefreshStore
import RefreshTracking

/// `ylytic demo`: the whole product on this machine, on the built-in simulator, no token needed.
struct DemoCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try ylytic without a token: a simulator of the API, a fresh store, a dozen refreshes, the dashboard.",
        discussion: "Quitting stops the simulator and removes the temporary store.")

    @Option(name: .long, help: "How long the simulated refreshes take, MIN-MAX seconds.")
    var latency = "2-12"

    @OptionGroup var output: OutputOptions
    @OptionGroup var notifications: NotifyOptions

    /// About a dozen refreshes over all five request types; one fails, one takes long, one meets flaky answers.
    static let starters: [RefreshTarget] = [
        RefreshTarget(uncheckedType: .instagram, value: "thetatvaindia"),
        RefreshTarget(uncheckedType: .instagram, value: "anurag.itbhu05"),
        RefreshTarget(uncheckedType: .instagram, value: "private_studio"),
        RefreshTarget(uncheckedType: .instagram, value: "long_expedition"),
        RefreshTarget(uncheckedType: .instagram, value: "flaky_kitchen"),
        RefreshTarget(uncheckedType: .instagramID, value: "2121125346"),
        RefreshTarget(uncheckedType: .instagramPost, value: "DHGIoX0y3f3"),
        RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q"),
        RefreshTarget(uncheckedType: .youtube, value: "UC_x5XG1OV2P6uZZ5FSM9Ttw"),
        RefreshTarget(uncheckedType: .youtubePost, value: "iwIeyWv2ABI"),
        RefreshTarget(uncheckedType: .youtubePost, value: "Missing0000"),
        RefreshTarget(uncheckedType: .instagram, value: "chai.and.code"),
    ]

    /// A campaign's shortlist: creators among the refreshes above, and two that nobody refreshed yet (stale until
    /// R refreshes them on the roster).
    static let roster: [RefreshTarget] = [
        RefreshTarget(uncheckedType: .instagram, value: "thetatvaindia"),
        RefreshTarget(uncheckedType: .instagram, value: "anurag.itbhu05"),
        RefreshTarget(uncheckedType: .instagram, value: "chai.and.code"),
        RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q"),
        RefreshTarget(uncheckedType: .youtube, value: "UC_x5XG1OV2P6uZZ5FSM9Ttw"),
        RefreshTarget(uncheckedType: .instagram, value: "zoe.travels"),
        RefreshTarget(uncheckedType: .instagram, value: "desi.beats"),
    ]

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        var settings = SimulatorSettings()
        settings.tokens = ["demo-token"]
        do {
            settings.processingTime = try SimulatorSettings.processingTime(parsing: latency)
        } catch {
            return context.fail(CommandFailure(message: error.description, status: .invalidInput))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let simulator: RunningSimulator
        let store: RefreshStore
        do {
            simulator = try await Simulator.start(settings)
            store = try RefreshStore(url: folder.appendingPathComponent("ylytic.sqlite"))
            let name = try RosterName("demo-campaign")
            _ = try await store.addToRoster(name, Self.roster, at: context.time.now, creating: true)
            try await store.setMaxAge(of: name.rawValue, to: 3600)
        } catch {
            return context.fail(CommandFailure(message: "the demo could not start: \(error)", status: .networkProblem))
        }
        let client = RefreshClient(baseURL: simulator.baseURL, token: APIToken("demo-token")!)
        let status = await DashboardLauncher.run(
            store: store, client: client, source: "demo simulator", setupHint: nil, starters: Self.starters,
            output: output, notify: notifications.notify, context: context)
        await simulator.stop()
        return status
    }
}
