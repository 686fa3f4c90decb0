import ArgumentParser
import Foundation
import Presentation
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

            Each refresh costs API quota, so a target that is already being refreshed in the store (by this user \
            or, on a team's ledger, by anyone), or that succeeded within --fresh-for, is joined instead: its request \
            id is printed with who submitted it and when, and --wait follows it. --force submits a new one anyway, \
            and beyond the store's budget (ylytic budget) when it is spent; without it a spent budget sends \
            nothing (exit 6).

            --from FILE refreshes every creator listed in a file (one per line, or a CSV's handle, url or creator \
            column; - for standard input): each once, joined as above, at most five POSTs a second, and follows \
            them all to their end (a progress line on a terminal; one JSON object per change with --json). Bad \
            lines are reported and nothing is sent unless --skip-bad is given. Ctrl-C stops submitting and says how \
            far it got; the same command run again submits only what was not submitted. It exits 0 when every \
            refresh succeeded, 1 when any failed, 4 when three POSTs in a row could not reach the server, 5 when \
            --timeout ran out first, 6 when the store's budget was spent before every one was sent.

            \(ExitStatus.helpText)
            """)

    @Argument(help: ArgumentHelp("TYPE VALUE, a URL, or an @handle.", valueName: "target"))
    var words: [String] = []

    @Option(name: .long, help: ArgumentHelp("Refresh every creator listed in this file.", valueName: "file"))
    var from: String?

    @Flag(name: .customLong("skip-bad"), help: "With --from, refresh the good lines even when some are bad.")
    var skipBad = false

    @Flag(name: .long, help: "Follow the request until it ends.")
    var wait = false

    @Option(name: .long, help: "With --wait, give up after this many seconds (exit 5).")
    var timeout: Double?

    @Option(
        name: .customLong("fresh-for"), parsing: .unconditional,
        help: ArgumentHelp(
            "Join a request for the same target that succeeded within this long instead of submitting (90s, 10m, 1h, "
                + "7d; 0: join only one under way).", valueName: "duration"))
    var freshFor = "1h"

    @Flag(
        name: .long,
        help: "Submit a new request even when the same target is under way or fresh in the store, and beyond a spent budget.")
    var force = false

    @Flag(name: .long, help: "With --from, send without asking, however many creators (a terminal is asked above 20).")
    var yes = false

    @Flag(name: .long, help: "With --from, leave alone the creators whose earlier POST's outcome is unknown.")
    var skipUnknown = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if from != nil {
            guard words.isEmpty else { throw ValidationError("give either a target or --from FILE, not both") }
            guard !wait else { throw ValidationError("--from follows every refresh to its end already; --wait does not apply") }
        } else if !(1...2).contains(words.count) {
            throw ValidationError("give TYPE VALUE, or a single URL or @handle")
        }
        if skipBad, from == nil { throw ValidationError("--skip-bad goes with --from FILE") }
        try Seconds.check(timeout, option: "--timeout")
        _ = try DurationText.seconds(freshFor, option: "--fresh-for")
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        if let from { return try await refreshListed(in: from, context) }
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
            switch try await tracker.submit(target, follow: follows, join: joinPolicy, budget: force ? .ignored : .enforced) {
            case .submitted(let record):
                submitted = record
            case .joined(let existing):
                return await joined(existing, target: target, follows: follows, tracker: tracker, store: store, context)
            }
        } catch {
            await tracker.stop()
            return context.fail(CommandFailure(error, store: store))
        }
        guard follows, !submitted.state.hasEnded else {
            await tracker.stop()
            let unrecorded = await tracker.unrecordedSubmissions
            if output.json {
                // The request as the store recorded it, in the shape a joined one has too.
                let stored = try? await store.request(submitted.requestID)
                context.stdout.line(
                    JSONOutput.encode(
                        stored.map { SubmissionJSON($0, joined: false) } ?? SubmissionJSON(sent: submitted, at: context.time.now)))
            } else {
                context.stdout.line(SafeText.sanitize(submitted.requestID.rawValue))
                context.stderr.line("Submitted \(target): \(SafeText.sanitize(submitted.state.description)).")
            }
            guard unrecorded.isEmpty else {
                context.stderr.line("ylytic: " + UnrecordedSubmissions.sentence(unrecorded))
                return .networkProblem
            }
            return submitted.state.hasEnded ? ExitStatus(submitted.state) : .succeeded
        }
        if !output.json { context.stdout.line(SafeText.sanitize(submitted.requestID.rawValue)) }
        return await follow(submitted.requestID, from: TrackedState(submitted.state), tracker: tracker, store: store, context)
    }

    /// A request for the same target was under way or fresh: its id, who submitted it and when; with --wait, it
    /// is followed as if it had just been submitted.
    private func joined(
        _ existing: TrackedRequest, target: RefreshTarget, follows: Bool, tracker: RefreshTracker,
        store: any TrackingStore, _ context: CommandContext
    ) async -> ExitStatus {
        let id = existing.requestID.map { RequestID($0) }
        let shownID = existing.requestID.map { SafeText.sanitize($0) } ?? "#\(existing.id ?? 0)"
        let who = existing.submittedBy.map { " by \(SafeText.sanitize($0))" } ?? ""
        let when = Timestamp.text(existing.submittedAt)
        let what =
            switch existing.state {
            case .submitting: "is being submitted"
            case .succeeded: "succeeded at \(existing.finishedAt.map(Timestamp.text) ?? when)"
            default: "is \(existing.state.rawValue)"
            }
        context.stderr.line(
            "Joined \(shownID): \(target) \(what), submitted\(who) at \(when); --force submits a new one.")
        guard follows, let id, existing.state.isFollowed || existing.state == .succeeded else {
            await tracker.stop()
            if output.json {
                context.stdout.line(JSONOutput.encode(SubmissionJSON(existing, joined: true)))
            } else {
                context.stdout.line(shownID)
            }
            return .succeeded
        }
        if !output.json { context.stdout.line(shownID) }
        return await follow(id, from: existing.state, tracker: tracker, store: store, context)
    }

    /// Follows `id` from the state it is known to be in (told at once) until it ends (or --timeout, or Ctrl-C),
    /// printing each change; the exit status says how it ended.
    private func follow(
        _ id: RequestID, from known: TrackedState, tracker: RefreshTracker, store: any TrackingStore,
        _ context: CommandContext
    ) async -> ExitStatus {
        let session = WatchSession(tracker: tracker, store: store, context: context, timeout: timeout)
        let printer = StateChangePrinter(
            sink: context.stderr, json: false, time: context.time, ascii: output.writer(context).glyphs == .ascii)
        printer.print(id, .state(known, detail: nil))
        let (watched, stopped) = await session.run(RequestWatch(ids: [id], told: [id: known])) { printer.print($0, $1) }
        if !watched.isDone, !stopped { printer.printTimedOut(id) }
        let outcome = await session.outcome(of: id, in: watched)
        await tracker.stop()
        session.stop()
        if output.json { context.stdout.line(JSONOutput.encode(outcome.json)) }
        return stopped && !watched.isDone ? .interrupted : outcome.status
    }

    private var joinPolicy: JoinPolicy {
        force ? .never : .underWayOrFresh(freshFor: (try? DurationText.seconds(freshFor, option: "--fresh-for")) ?? 3600)
    }

    /// `--from FILE`: every creator listed, refreshed in bulk.
    private func refreshListed(in path: String, _ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let file = try RosterFileInput.read(
            path, skippingBad: skipBad, json: output.json, refusal: "nothing was sent (--skip-bad refreshes the good ones)",
            context)
        if file.duplicates > 0, !output.json {
            context.stderr.line("\(file.duplicates) duplicate\(file.duplicates == 1 ? "" : "s") in \(SafeText.sanitize(path)) merged.")
        }
        let client = try connection.client(context)
        let store = try await storage.open(context)
        guard
            let plan = try await BatchConsent(
                targets: file.targets, join: joinPolicy, yes: yes, skipUnknown: skipUnknown, context: context
            ).settle(store: store)
        else { return .interrupted }
        return await BulkRefreshRun(
            plan: plan, merged: file.duplicates, budget: force ? .ignored : .enforced, timeout: timeout, json: output.json,
            context: context)
            .run(client: client, store: store)
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
