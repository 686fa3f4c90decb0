import ArgumentParser
import RefreshAPI
import RefreshStore

/// `ylytic dash` (and `ylytic` alone): the dashboard on the configured API.
struct DashCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "dash",
        abstract: "Open the dashboard: every tracked request, live (the default command).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async -> ExitStatus {
        let store: RefreshStore
        switch storage.open(context) {
        case .success(let opened): store = opened
        case .failure(let failure): return context.fail(failure)
        }
        var client: RefreshClient?
        var setupHint: String?
        switch connection.makeClient(context) {
        case .success(let made):
            client = made
        case .failure(let failure) where failure.status == .tokenProblem:
            setupHint = """
                No API token is configured, so refreshes cannot be submitted.

                \(RefreshClientError.tokenHelp)

                To try ylytic without a token, on a simulator of the API: ylytic demo
                """
        case .failure(let failure):
            return context.fail(failure)
        }
        let source = client.map { $0.baseURL.host ?? "API" } ?? "no token"
        return await DashboardLauncher.run(
            store: store, client: client, source: source, setupHint: setupHint, starters: [], output: output,
            context: context)
    }
}
