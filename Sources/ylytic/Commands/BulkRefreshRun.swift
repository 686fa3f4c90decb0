import Foundation
import Presentation
import RefreshAPI
import RefreshTracking
import TextGrid

/// A bulk refresh as the command line runs it (`refresh --from FILE`, `roster refresh`): every target submitted
/// once (joined when under way or fresh), at most five POSTs a second, every request followed to its end. On a
/// terminal a progress line shows how far it got; with `--json`, one JSON object per change goes to stdout;
/// otherwise one line per change goes to stderr. Ctrl-C stops submitting, lets the POSTs under way finish, and
/// says how far it got; the same command run again submits only what was not submitted. Three POSTs in a row that
/// cannot reach the server stop it too (exit 4), and a timeout stops it with what is still pending (exit 5).
struct BulkRefreshRun {
    /// POSTs a second, the client's bound.
    static let postsPerSecond = 5.0

    let targets: [RefreshTarget]
    let join: JoinPolicy
    /// Seconds after which following stops (what is pending stays so on the server); nil: until every one ends.
    let timeout: TimeInterval?
    let json: Bool
    let context: CommandContext

    private enum Input {
        case outcome(BulkSubmission.Outcome)
        case submissionsDone
        case event(TrackerEvent)
        case tick
        case stop
        case deadline
    }

    func run(client: RefreshClient, store: any TrackingStore) async -> ExitStatus {
        let tracker = context.tracker(store: store, client: client, scope: .requested)
        await tracker.start()
        let (inputs, sink) = AsyncStream.makeStream(of: Input.self)
        let stopFlag = StopFlag()
        let submission = BulkSubmission(
            tracker: tracker, join: join, pacer: SubmissionPacer(perSecond: Self.postsPerSecond, time: context.time))
        let submitting = Task { [targets] in
            await submission.run(targets, shouldStop: { await stopFlag.isSet }) { sink.yield(.outcome($0)) }
            sink.yield(.submissionsDone)
        }
        let events = tracker.events
        let forwarder = Task {
            for await event in events { sink.yield(.event(event)) }
        }
        let stops = Task { [requests = context.stopRequests()] in
            for await _ in requests { sink.yield(.stop) }
        }
        let deadline = timeout.map { seconds in
            Task { [time = context.time] in
                guard (try? await time.sleep(until: time.now.addingTimeInterval(seconds))) != nil else { return }
                sink.yield(.deadline)
            }
        }
        let showsProgress = context.stderrIsTerminal && !json
        let ticks = Task { [time = context.time] in
            guard showsProgress else { return }
            while !Task.isCancelled {
                guard (try? await time.sleep(until: time.now.addingTimeInterval(1))) != nil else { return }
                sink.yield(.tick)
            }
        }
        defer {
            forwarder.cancel()
            stops.cancel()
            ticks.cancel()
            deadline?.cancel()
        }

        var progress = BulkProgress(total: targets.count)
        var submissionsDone = false
        var stopped = false
        var timedOut = false
        var tokenProblem: String?
        var serverProblem: String?
        func tell(_ change: BulkProgress.Change) {
            if json {
                context.stdout.line(JSONOutput.encode(ChangeJSON(change)))
                return
            }
            let isProblem = ["refused", "failed", "unknown", "retrying"].contains(change.event)
            guard !showsProgress || isProblem else { return }
            let id = change.requestID.map { " " + SafeText.sanitize($0.rawValue) } ?? ""
            // The server's words often start with the state ("failed: this account is private").
            let words = change.detail.map { $0.hasPrefix(change.event + ":") ? String($0.dropFirst(change.event.count + 1)) : $0 }
            let detail = words.map { ": " + SafeText.sanitize($0.trimmingCharacters(in: .whitespaces)) } ?? ""
            if showsProgress { context.stderr.write("\r\u{1B}[K") }
            context.stderr.line("\(SafeText.sanitize(change.target.description)) \(change.event)\(id)\(detail)")
        }
        func drawProgress() {
            guard showsProgress else { return }
            let line = Self.progressText(progress, stopping: stopped || timedOut || serverProblem != nil)
            context.stderr.write("\r\u{1B}[K" + ColumnFit.truncate(line, to: max(10, context.progressWidth - 1), ellipsis: "…"))
        }
        drawProgress()
        for await input in inputs {
            switch input {
            case .outcome(let outcome):
                if case .refused(_, let error) = outcome, case .client(let client) = error, ExitStatus(client) == .tokenProblem {
                    tokenProblem = client.description
                    await stopFlag.set()
                }
                tell(progress.take(outcome))
                if serverProblem == nil, progress.serverLooksDown, case .refused(_, let error) = outcome {
                    serverProblem = error.description
                    await stopFlag.set()
                }
            case .submissionsDone:
                submissionsDone = true
            case .event(.changed(let changes)):
                progress.observe(changes).forEach(tell)
            case .event(.followingEnded(let id, let error)):
                progress.followingEnded(id, reason: error.description).map(tell)
            case .event(.problem(let problem)):
                if showsProgress { context.stderr.write("\r\u{1B}[K") }
                context.stderr.line("ylytic: warning: \(problem)")
            case .event(.storeUnreachable(let reason)):
                if showsProgress { context.stderr.write("\r\u{1B}[K") }
                context.stderr.line("ylytic: lost the connection to the store (\(reason)); reconnecting")
            case .event(.storeReachable), .event(.rateLimited), .tick:
                break
            case .stop:
                if stopped { break }
                stopped = true
                await stopFlag.set()
            case .deadline:
                timedOut = true
                await stopFlag.set()
            }
            drawProgress()
            let ends = stopped || timedOut || tokenProblem != nil || serverProblem != nil || progress.isDone
            if submissionsDone, ends { break }
        }
        await submitting.value
        await tracker.stop()
        if showsProgress { context.stderr.write("\r\u{1B}[K") }
        let summary = Self.summaryText(progress)
        if json {
            context.stdout.line(JSONOutput.encode(SummaryJSON(progress, stopped: stopped)))
        }
        if let tokenProblem {
            context.stderr.line("ylytic: \(Self.clause(tokenProblem)); stopped after \(summary)")
            return .tokenProblem
        }
        if let serverProblem {
            context.stderr.line(
                "ylytic: the server cannot be reached (\(Self.clause(serverProblem))); stopped after \(summary). The same "
                    + "command run again submits what was not submitted.")
            return .networkProblem
        }
        if stopped {
            context.stderr.line(
                "ylytic: stopped after \(summary). What is pending stays so on the server; the same command run "
                    + "again submits only what was not submitted, and follows the rest.")
            return .interrupted
        }
        if timedOut, progress.pending > 0 || progress.started < progress.total {
            context.stderr.line(
                "ylytic: timed out after \(summary). What is pending stays so on the server; ylytic watch follows it, "
                    + "and the same command run again submits what was not submitted.")
            return .stillPending
        }
        context.stderr.line("Done: \(summary).")
        return progress.failed > 0 ? .refreshFailed : .succeeded
    }

    /// An error's words as a clause of a longer sentence: without their final full stop.
    private static func clause(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// "120 submitted, 12 joined, 68 to go · 40 pending · 88 succeeded · 3 failed · about 25s left".
    static func progressText(_ progress: BulkProgress, stopping: Bool) -> String {
        var text = summaryText(progress)
        if stopping {
            text += " · stopping…"
        } else if let left = progress.secondsLeft(perSecond: postsPerSecond) {
            text += " · about \(Age.duration(left)) left"
        }
        return text
    }

    static func summaryText(_ progress: BulkProgress) -> String {
        var started = "\(progress.submitted) submitted"
        if progress.joined > 0 { started += ", \(progress.joined) joined" }
        if progress.started < progress.total { started += ", \(progress.total - progress.started) to go" }
        let retrying = progress.retryingCount > 0 ? " (\(progress.retryingCount) retrying)" : ""
        return "\(started) · \(progress.pending) pending\(retrying) · \(progress.succeeded) succeeded · \(progress.failed) failed"
    }

    struct ChangeJSON: Encodable {
        let requestType: String
        let target: String
        let requestID: String?
        let event: String
        let detail: String?

        init(_ change: BulkProgress.Change) {
            requestType = change.target.type.rawValue
            target = change.target.value
            requestID = change.requestID?.rawValue
            event = change.event
            detail = change.detail
        }

        enum CodingKeys: String, CodingKey {
            case requestType = "request_type", target, requestID = "request_id", event, detail
        }
    }

    struct SummaryJSON: Encodable {
        let total, submitted, joined, pending, succeeded, failed: Int
        let stopped: Bool
        let done = true

        init(_ progress: BulkProgress, stopped: Bool) {
            total = progress.total
            submitted = progress.submitted
            joined = progress.joined
            pending = progress.pending
            succeeded = progress.succeeded
            failed = progress.failed
            self.stopped = stopped
        }
    }
}

/// Whether the person asked to stop, read by the submissions under way.
private actor StopFlag {
    private(set) var isSet = false

    func set() {
        isSet = true
    }
}
