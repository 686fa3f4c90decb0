import ArgumentParser
import Foundation
import RefreshAPI
import RefreshStore

/// `ylytic watch ID...`: one line per change of state until every request ends.
struct WatchCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow requests, printing one line per change of state, until all have ended.",
        discussion: """
            Without ids, follows every request the store holds as pending or stale (after a restart, say).

            Lines read TIME ID STATE [DETAIL], or one JSON object each with --json. States: pending, succeeded, \
            failed, unknown, stale, retrying, error, timeout.

            \(ExitStatus.helpText)
            """)

    @Argument(help: "Request ids (default: every pending request in the store).")
    var ids: [String] = []

    @Option(name: .long, help: "Stop after this many seconds (exit 5 if any is still pending).")
    var timeout: Double?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let store = try storage.open(context)
        // Ids given without a known submission time are polled at once, staleness counted from now.
        let now = context.time.now.addingTimeInterval(-context.monitorConfiguration.firstPollDelay)
        var requests = Set(ids.map { RequestID($0) }).sorted().map { (id: $0, submittedAt: now, known: RefreshState?.none) }
        if requests.isEmpty {
            do {
                requests = try store.followedRequests().compactMap { tracked in
                    tracked.requestID.map { (RequestID($0), tracked.submittedAt, RefreshState?.none) }
                }
            } catch {
                return context.fail(CommandFailure(message: "the store failed: \(error)", status: .invalidInput))
            }
            guard !requests.isEmpty else {
                context.stderr.line("ylytic: nothing is pending in \(store.url.path)")
                return .succeeded
            }
        }
        if let bad = requests.map(\.id).first(where: { !$0.isWellFormed }) {
            return context.fail(CommandFailure(RefreshClientError.malformedRequestID(bad)))
        }
        let client = try connection.client(context)
        let printer = StateChangePrinter(sink: context.stdout, json: output.json, time: context.time)
        let session = FollowSession(client: client, context: context, timeout: timeout, store: store)
        let outcomes = await session.run(requests) { printer.print($0, $1) }
        return ExitStatus.combined(outcomes.values.map(\.exitStatus))
    }
}
