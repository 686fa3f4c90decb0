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

    /// The targets, how to join, and which are sent again after an unknown outcome.
    let plan: BatchConsent.Plan
    /// Targets the list named more than once, merged into one (said in the `--json` summary).
    var merged = 0
    /// The roster the refreshes are for (counted with it in the usage); nil for a list.
    var roster: String?
    /// Whether the store's budget may stop the run (`--force` sends beyond it).
    var budget = BudgetRule.enforced
    /// Seconds after which following stops (what is pending stays so on the server); nil: until every one ends.
    let timeout: TimeInterval?
    let json: Bool
    let context: CommandContext

    private enum Input: Sendable {
        case submitted(BulkProgress.Change)
        case submissionsDone
        case stop
        case deadline
    }

    func run(client: RefreshClient, store: any TrackingStore) async -> ExitStatus {
        let tracker = context.tracker(store: store, client: client, scope: .requested)
        await tracker.start()
        let bulk = BulkRefresh(
            plan.targets, tracker: tracker, join: plan.join, pacer: SubmissionPacer(perSecond: Self.postsPerSecond, time: context.time),
            roster: roster, budget: budget, sentAgainAfterUnknown: plan.sentAgainAfterUnknown)
        let runner = EventRunner<Input>(tracker: tracker, time: context.time)
        runner.forward(context.stopRequests()) { .stop }
        if let timeout { runner.send(.deadline, after: timeout) }
        let showsProgress = context.stderrIsTerminal && !json
        if showsProgress { runner.tick(every: 1) }
        let submitting = Task {
            await bulk.submit { runner.send(.submitted($0)) }
            runner.send(.submissionsDone)
        }

        var submissionsDone = false
        var stopped = false
        var timedOut = false
        func tell(_ change: BulkProgress.Change) {
            if json {
                context.stdout.line(JSONOutput.encode(ChangeJSON(change)))
                return
            }
            let isProblem = ["refused", "failed", "unknown", "retrying", "submitted again"].contains(change.event)
            guard !showsProgress || isProblem else { return }
            let id = change.requestID.map { " " + SafeText.sanitize($0.rawValue) } ?? ""
            // The server's words often start with the state ("failed: this account is private").
            let words = change.detail.map { $0.hasPrefix(change.event + ":") ? String($0.dropFirst(change.event.count + 1)) : $0 }
            let detail = words.map { ": " + SafeText.sanitize($0.trimmingCharacters(in: .whitespaces)) } ?? ""
            if showsProgress { context.stderr.write("\r\u{1B}[K") }
            context.stderr.line("\(SafeText.sanitize(change.target.description)) \(change.event)\(id)\(detail)")
        }
        func drawProgress(_ progress: BulkProgress, stopping: Bool) {
            guard showsProgress else { return }
            let line = Self.progressText(progress, stopping: stopping)
            context.stderr.write("\r\u{1B}[K" + ColumnFit.truncate(line, to: max(10, context.progressWidth - 1), ellipsis: "…"))
        }
        drawProgress(await bulk.progress, stopping: false)
        await runner.run { event in
            switch event {
            case .input(.submitted(let change)):
                tell(change)
            case .input(.submissionsDone):
                submissionsDone = true
            case .tracker(.changed(let changes)):
                await bulk.observe(changes).forEach(tell)
            case .tracker(.followingEnded(let id, let error)):
                await bulk.followingEnded(id, reason: error.description).map(tell)
            case .tracker(.problem(let problem)):
                if showsProgress { context.stderr.write("\r\u{1B}[K") }
                context.stderr.line("ylytic: warning: \(problem)")
            case .tracker(.storeUnreachable(let reason)):
                if showsProgress { context.stderr.write("\r\u{1B}[K") }
                context.stderr.line("ylytic: lost the connection to the store (\(reason)); reconnecting")
            case .tracker(.storeReachable):
                if showsProgress { context.stderr.write("\r\u{1B}[K") }
                context.stderr.line("ylytic: the store is back; carrying on")
            case .tracker(.rateLimited), .tick:
                break
            case .input(.stop):
                stopped = true
                await bulk.requestStop()
            case .input(.deadline):
                timedOut = true
                await bulk.requestStop()
            }
            let progress = await bulk.progress
            let stop = await bulk.stop
            drawProgress(progress, stopping: stop != nil)
            let ends = stop != nil || progress.isDone
            return !(submissionsDone && ends)
        }
        await submitting.value
        await tracker.stop()
        runner.stop()
        if showsProgress { context.stderr.write("\r\u{1B}[K") }
        let unrecorded = await tracker.unrecordedSubmissions
        if !unrecorded.isEmpty { context.stderr.line("ylytic: " + UnrecordedSubmissions.sentence(unrecorded)) }
        let progress = await bulk.progress
        let summary = Self.summaryText(progress)
        if json {
            context.stdout.line(JSONOutput.encode(SummaryJSON(progress, stopped: await bulk.stop != nil, merged: merged)))
        }
        switch await bulk.stop {
        case .tokenRefused(let reason):
            context.stderr.line("ylytic: \(BulkRefresh.clause(reason)); stopped after \(summary)")
            return .tokenProblem
        case .serverUnreachable(let reason):
            context.stderr.line(
                "ylytic: the server cannot be reached or keeps failing (\(BulkRefresh.clause(reason))); stopped after "
                    + "\(summary). The same command run again submits what was not submitted.")
            return .networkProblem
        case .overBudget(let budget):
            context.stderr.line(
                "ylytic: the store's budget of \(budget) is spent; stopped after \(summary). The same command run "
                    + "again once the next \(budget.period.rawValue) starts (\(Timestamp.text(budget.nextPeriodStart(after: context.time.now)))) "
                    + "submits what was not submitted; --force sends beyond the budget now.")
            return .overBudget
        case .asked where stopped:
            context.stderr.line(
                "ylytic: stopped after \(summary). What is pending stays so on the server; the same command run "
                    + "again submits only what was not submitted, and follows the rest.")
            return .interrupted
        case .asked, .none:
            break
        }
        if timedOut, progress.pending > 0 || progress.started < progress.total {
            context.stderr.line(
                "ylytic: timed out after \(summary). What is pending stays so on the server; ylytic watch follows it, "
                    + "and the same command run again submits what was not submitted.")
            return .stillPending
        }
        context.stderr.line("Done: \(summary).")
        if progress.failed + progress.refused > 0 { return .refreshFailed }
        return progress.unknown > 0 ? .networkProblem : .succeeded
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
        if progress.resubmitted > 0 { started += " (\(progress.resubmitted) again after an unknown outcome)" }
        if progress.joined > 0 { started += ", \(progress.joined) joined" }
        if progress.refused > 0 { started += ", \(progress.refused) refused" }
        if progress.started < progress.total { started += ", \(progress.total - progress.started) to go" }
        let retrying = progress.retryingCount > 0 ? " (\(progress.retryingCount) retrying)" : ""
        let unknown = progress.unknown > 0 ? " · \(progress.unknown) outcome unknown" : ""
        return "\(started) · \(progress.pending) pending\(retrying) · \(progress.succeeded) succeeded · \(progress.failed) failed\(unknown)"
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
            event = change.event.replacingOccurrences(of: " ", with: "_")
            detail = change.detail
        }

        enum CodingKeys: String, CodingKey {
            case requestType = "request_type", target, requestID = "request_id", event, detail
        }
    }

    /// The last object of `--json`: how the run ended (`done` marks it as the summary; `stopped` says the run stopped
    /// before every target was sent or followed to its end).
    struct SummaryJSON: Encodable {
        let total, submitted, resubmitted, joined, refused, pending, succeeded, failed, unknown, merged: Int
        let stopped: Bool
        let done = true

        init(_ progress: BulkProgress, stopped: Bool, merged: Int) {
            self.merged = merged
            total = progress.total
            submitted = progress.submitted
            resubmitted = progress.resubmitted
            joined = progress.joined
            refused = progress.refused
            pending = progress.pending
            succeeded = progress.succeeded
            failed = progress.failed
            unknown = progress.unknown
            self.stopped = stopped
        }
    }
}
