import ArgumentParser
import RefreshAPI
import RefreshTracking

/// `ylytic dash` (and `ylytic` alone): the dashboard on the configured API.
struct DashCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "dash",
        abstract: "Open the dashboard: every tracked request, live (the default command).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var notifications: NotifyOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        // A store this user cannot write is shown read-only: live from the store, nothing submitted or polled.
        let store: any TrackingStore
        if let readable = try await storage.openForReading(context) {
            store = readable
        } else {
            store = try await storage.open(context)
        }
        var client: RefreshClient?
        var setupHint: String?
        if !store.isReadOnly {
            do throws(CommandFailure) {
                client = try connection.client(context)
            } catch where error.status == .tokenProblem {
                setupHint = """
                    No API token is configured, so refreshes cannot be submitted.

                    \(RefreshClientError.tokenHelp(tokenFile: TokenLoader(environment: context.environment).configFile.path))

                    To try ylytic without a token, on a simulator of the API: ylytic demo
                    """
            }
        }
        var source = store.isReadOnly ? "read-only store" : client.map { $0.baseURL.host ?? "API" } ?? "no token"
        // On a team's ledger, which one matters more than the API's host.
        if case .ledger(let address) = try storage.address(context), client != nil {
            source = "ledger \(address.database)@\(address.host)"
        }
        return await DashboardLauncher.run(
            store: store, client: client, source: source, setupHint: setupHint, starters: [], output: output,
            notify: notifications.notify, context: context)
    }
}
