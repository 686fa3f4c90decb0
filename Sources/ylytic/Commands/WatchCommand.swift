import ArgumentParser
import Foundation
import RefreshAPI
import RefreshStore
import RefreshTracking

/// `ylytic watch ID...`: one line per change of state until every request ends.
struct WatchCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow requests, printing one line per change of state: given ids until they end, else every one until Ctrl-C.",
        discussion: """
            Without ids, follows every request the store holds as pending or stale (after a restart, say), and \
            every one submitted meanwhile, by any process, until Ctrl-C or SIGTERM (exit 0); --until-idle stops \
            once none is pending, for scripts.

            Requests that another ylytic already follows on the same store are not polled twice: their changes \
            are read from the store, and taken over if that process stops.

            Lines read TIME ID STATE [DETAIL], or one JSON object each with --json. States: pending, stale, \
            retrying, succeeded, failed, unknown (following ended without an answer), forgotten, timeout.

            \(ExitStatus.helpText)
            """)

    @Argument(help: "Request ids (default: every pending request in the store).")
    var ids: [String] = []

    @Option(name: .long, help: "Stop after this many seconds (exit 5 if any is still pending).")
    var timeout: Double?

    @Flag(name: .long, help: "Without ids: stop once nothing is pending, rather than follow new requests until Ctrl-C.")
    var untilIdle = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try Seconds.check(timeout, option: "--timeout")
        if untilIdle, !ids.isEmpty { throw ValidationError("--until-idle is for watch without ids (given ids are followed until they end)") }
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let requested = Set(ids.map { RequestID(typed: $0) }).sorted()
        if let bad = requested.first(where: { !$0.isWellFormed }) {
            return context.fail(CommandFailure(RefreshClientError.malformedRequestID(bad)))
        }
        let store = try await storage.open(context)
        let client = try connection.client(context)
        let tracker = context.tracker(store: store, client: client, scope: requested.isEmpty ? .everything : .requested)
        await tracker.start()
        if !requested.isEmpty {
            do {
                try await tracker.track(requested)
            } catch {
                await tracker.stop()
                return context.fail(CommandFailure(error, store: store))
            }
        }
        let printer = StateChangePrinter(
            sink: context.stdout, json: output.json, time: context.time, ascii: output.writer(context).glyphs == .ascii)
        let session = WatchSession(tracker: tracker, store: store, context: context, timeout: timeout)
        let keepsOn = requested.isEmpty && !untilIdle
        if keepsOn {
            context.stderr.line("ylytic: following every pending request in \(store.location), and new ones; Ctrl-C stops")
        }
        let (watched, stopped) = await session.run(
            requested.isEmpty ? .everyFollowedRequest(untilIdle: untilIdle) : RequestWatch(ids: requested)
        ) { printer.print($0, $1) }
        if keepsOn {
            // Stopped by a signal, or by --timeout: what is still pending stays followed by whoever runs next.
            await tracker.stop()
            session.stop()
            return stopped || !watched.ids.contains(where: { !(watched.latest($0)?.state.hasEnded ?? false) })
                ? .succeeded : .stillPending
        }
        if requested.isEmpty, watched.ids.isEmpty {
            await tracker.stop()
            session.stop()
            context.stderr.line("ylytic: nothing is pending in \(store.location)")
            return .succeeded
        }
        var statuses: [ExitStatus] = []
        for id in watched.ids {
            if !watched.isDone, !stopped, !(watched.latest(id)?.state.hasEnded ?? false) { printer.printTimedOut(id) }
            statuses.append(await session.outcome(of: id, in: watched).status)
        }
        await tracker.stop()
        session.stop()
        return stopped && !watched.isDone ? .interrupted : ExitStatus.combined(statuses)
    }
}
