import ArgumentParser
import Foundation
import RefreshAPI

/// `ylytic watch ID...`: one line per change of state until every request ends.
struct WatchCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow requests, printing one line per change of state, until all have ended.",
        discussion: """
            Lines read TIME ID STATE [DETAIL], or one JSON object each with --json. States: pending, succeeded, \
            failed, unknown, stale, retrying, error, timeout.

            \(ExitStatus.helpText)
            """)

    @Argument(help: "Request ids.")
    var ids: [String]

    @Option(name: .long, help: "Stop after this many seconds (exit 5 if any is still pending).")
    var timeout: Double?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("give at least one request id") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func execute(_ context: CommandContext) async -> ExitStatus {
        let requestIDs = Array(Set(ids.map { RequestID($0) })).sorted()
        if let bad = requestIDs.first(where: { !$0.isWellFormed }) {
            return context.fail(CommandFailure(RefreshClientError.malformedRequestID(bad)))
        }
        let client: RefreshClient
        switch connection.makeClient(context) {
        case .success(let made): client = made
        case .failure(let failure): return context.fail(failure)
        }
        let printer = StateChangePrinter(sink: context.stdout, json: output.json, time: context.time)
        let session = FollowSession(client: client, context: context, timeout: timeout)
        // Unknown submission time: poll at once, and count staleness from now.
        let start = context.time.now.addingTimeInterval(-context.monitorConfiguration.firstPollDelay)
        let outcomes = await session.run(requestIDs.map { ($0, start, nil) }) { printer.print($0, $1) }
        return ExitStatus.combined(outcomes.values.map(\.exitStatus))
    }
}
