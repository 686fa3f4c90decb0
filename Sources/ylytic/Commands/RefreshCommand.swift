import ArgumentParser
import Foundation
import RefreshAPI
import RefreshStore
import RefreshTracking
import TextGrid

/// `ylytic refresh TYPE VALUE` or `ylytic refresh URL`.
struct RefreshCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Submit a refresh and print its request id.",
        discussion: """
            TYPE is one of: \(RequestType.allCases.map(\.rawValue).joined(separator: ", ")). Instead of TYPE VALUE, \
            an Instagram or YouTube address (profile, post, reel, channel, video, youtu.be, shorts) or an @handle \
            can be given alone.

            The request id goes to stdout; with --wait, each change of state goes to stderr and the exit code \
            tells how the refresh ended.

            \(ExitStatus.helpText)
            """)

    @Argument(help: ArgumentHelp("TYPE VALUE, a URL, or an @handle.", valueName: "target"))
    var words: [String]

    @Flag(name: .long, help: "Follow the request until it ends.")
    var wait = false

    @Option(name: .long, help: "With --wait, give up after this many seconds (exit 5).")
    var timeout: Double?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...2).contains(words.count) else {
            throw ValidationError("give TYPE VALUE, or a single URL or @handle")
        }
        try Seconds.check(timeout, option: "--timeout")
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let target: RefreshTarget
        do {
            target = try parseTarget()
        } catch {
            return context.fail(CommandFailure(message: error.message, status: .invalidInput))
        }
        let client = try connection.client(context)
        let store = try await storage.open(context)
        let follows = wait || timeout != nil
        let tracker = context.tracker(store: store, client: client, scope: .requested)
        if follows { await tracker.start() }
        let submitted: RefreshRecord
        do {
            submitted = try await tracker.submit(target, follow: follows)
        } catch {
            await tracker.stop()
            return context.fail(CommandFailure(error, store: store))
        }
        guard follows, !submitted.state.hasEnded else {
            await tracker.stop()
            if output.json {
                context.stdout.line(JSONOutput.encode(RecordJSON(submitted)))
            } else {
                context.stdout.line(SafeText.sanitize(submitted.requestID.rawValue))
                context.stderr.line("Submitted \(target): \(SafeText.sanitize(submitted.state.description)).")
            }
            return submitted.state.hasEnded ? ExitStatus(submitted.state) : .succeeded
        }
        if !output.json { context.stdout.line(SafeText.sanitize(submitted.requestID.rawValue)) }
        let id = submitted.requestID
        let session = WatchSession(tracker: tracker, store: store, context: context, timeout: timeout)
        let printer = StateChangePrinter(
            sink: context.stderr, json: false, time: context.time, ascii: output.writer(context).glyphs == .ascii)
        let (watched, stopped) = await session.run(RequestWatch(ids: [id])) { printer.print($0, $1) }
        if !watched.isDone, !stopped { printer.printTimedOut(id) }
        let outcome = await session.outcome(of: id, in: watched)
        await tracker.stop()
        if output.json { context.stdout.line(JSONOutput.encode(outcome.json)) }
        return stopped && !watched.isDone ? .interrupted : outcome.status
    }

    private func parseTarget() throws(TargetValidationError) -> RefreshTarget {
        guard words.count == 2 else { return try RefreshTarget(parsing: words[0]) }
        guard let type = RequestType(rawValue: words[0].lowercased()) else {
            throw TargetValidationError(
                "unknown type '\(words[0])'; use one of \(RequestType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return try RefreshTarget(type: type, typedValue: words[1])
    }
}
