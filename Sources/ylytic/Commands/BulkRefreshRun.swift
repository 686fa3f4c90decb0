import Foundation
import RefreshAPI
import RefreshTracking
import TextGrid

/// A bulk refresh as the command line runs it (`refresh --from FILE`, `roster refresh`): every target submitted
/// once (joined when under way or fresh), at most five POSTs a second, every request followed to its end. On a
/// terminal a progress line shows how far it got; with `--json`, one JSON object per change goes to stdout;
/// otherwise one line per change goes to stderr. Ctrl-C stops submitting, lets the POSTs under way finish, and
/// says how far it got; the same command run again submits only what was not submitted.
struct BulkRefreshRun {
    /// POSTs a second, the client's bound.
    static let postsPerSecond = 5.0

    let targets: [RefreshTarget]
    let join: JoinPolicy
    let json: Bool
    let context: CommandContext

    private enum Input {
        case outcome(BulkSubmission.Outcome)
        case submissionsDone
        case event(TrackerEvent)
        case tick
        case stop
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
        }

        var progress = BulkProgress(total: targets.count)
        var submissionsDone = false
        var stopped = false
        var tokenProblem: String?
        func tell(_ change: BulkProgress.Change) {
            if json {
                context.stdout.line(JSONOutput.encode(ChangeJSON(change)))
                return
            }
            let isProblem = ["refused", "failed", "unknown"].contains(change.event)
            guard !showsProgress || isProblem else { return }
            let id = change.requestID.map { " " + SafeText.sanitize($0.rawValue) } ?? ""
            let detail = change.detail.map { ": " + SafeText.sanitize($0) } ?? ""
            if showsProgress { context.stderr.write("\r\u{1B}[K") }
            context.stderr.line("\(SafeText.sanitize(change.target.description)) \(change.event)\(id)\(detail)")
        }
        func drawProgress() {
            guard showsProgress else { return }
            context.stderr.write("\r\u{1B}[K" + Self.progressText(progress, stopping: stopped))
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
            }
            drawProgress()
            if submissionsDone, stopped || tokenProblem != nil || progress.isDone { break }
        }
        await submitting.value
        await tracker.stop()
        if showsProgress { context.stderr.write("\r\u{1B}[K") }
        let summary = Self.summaryText(progress)
        if json {
            context.stdout.line(JSONOutput.encode(SummaryJSON(progress, stopped: stopped)))
        }
        if let tokenProblem {
            context.stderr.line("ylytic: \(tokenProblem); stopped after \(summary)")
            return .tokenProblem
        }
        if stopped {
            context.stderr.line(
                "ylytic: stopped after \(summary). What is pending stays so on the server; the same command run "
                    + "again submits only what was not submitted, and follows the rest.")
            return .interrupted
        }
        context.stderr.line("Done: \(summary).")
        return progress.failed > 0 ? .refreshFailed : .succeeded
    }

    /// "120 submitted, 12 joined, 68 to go · 40 pending · 88 succeeded · 3 failed · about 25s left".
    static func progressText(_ progress: BulkProgress, stopping: Bool) -> String {
        var text = summaryText(progress)
        if stopping {
            text += " · stopping…"
        } else if let left = progress.secondsLeft(perSecond: postsPerSecond) {
            text += " · about \(Duration.seconds(left).shortText) left"
        }
        return text
    }

    static func summaryText(_ progress: BulkProgress) -> String {
        var started = "\(progress.submitted) submitted"
        if progress.joined > 0 { started += ", \(progress.joined) joined" }
        if progress.started < progress.total { started += ", \(progress.total - progress.started) to go" }
        return "\(started) · \(progress.pending) pending · \(progress.succeeded) succeeded · \(progress.failed) failed"
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
