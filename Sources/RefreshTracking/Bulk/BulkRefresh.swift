import Foundation
import RefreshAPI

/// A batch of refreshes under the one policy the command line (`refresh --from`, `roster refresh`) and the dashboard
/// (`r` on marked creators, `R` on a roster) share: each target submitted once, joined when under way or fresh, POSTs
/// paced and a few at once (``BulkSubmission``). It stops submitting when asked (Ctrl-C, quitting), when the token is
/// refused, when the store's budget is spent, or when three POSTs in a row cannot reach the server; the POSTs under way finish first, so that what the
/// store holds is exactly what was sent, and the same batch run again submits only the rest.
public actor BulkRefresh {
    /// Why the batch stopped submitting before every target was started.
    public enum Stop: Sendable, Equatable {
        /// Someone asked (Ctrl-C, quitting the dashboard).
        case asked
        /// The API refused the token: nothing more could go.
        case tokenRefused(String)
        /// Three POSTs in a row could not reach the server; the last one's reason.
        case serverUnreachable(String)
        /// The store's budget for the period is spent: nothing more may go until the next one.
        case overBudget(RefreshBudget)
    }

    /// How far it has got.
    public private(set) var progress: BulkProgress
    /// Why it stopped submitting, once it has.
    public private(set) var stop: Stop?

    /// Whether it stopped for a problem (a refused token, an unreachable server, a spent budget) rather than because
    /// it was asked.
    public var stoppedForAProblem: Bool {
        switch stop {
        case .tokenRefused, .serverUnreachable, .overBudget: true
        case .asked, .none: false
        }
    }
    /// Whether the submissions waiting for their turn are withdrawn: not when the budget is spent, since each of
    /// them holds a share of it already.
    private var withdrawsWaitingSubmissions: Bool {
        switch stop {
        case .none, .overBudget: false
        case .asked, .tokenRefused, .serverUnreachable: true
        }
    }
    /// The first target the API refused, and why.
    private var firstRefusal: String?
    private let targets: [RefreshTarget]
    private let submission: BulkSubmission

    /// The batch of `targets`, sent for `roster` (or none) under the `budget` rule; those in
    /// `sentAgainAfterUnknown` had a POST whose outcome is unknown, and are told as sent again.
    public init(
        _ targets: [RefreshTarget], tracker: RefreshTracker, join: JoinPolicy, pacer: SubmissionPacer,
        roster: String? = nil, budget: BudgetRule = .enforced, sentAgainAfterUnknown: Set<RefreshTarget> = []
    ) {
        self.targets = targets
        progress = BulkProgress(total: targets.count, sentAgainAfterUnknown: sentAgainAfterUnknown)
        submission = BulkSubmission(tracker: tracker, join: join, pacer: pacer, roster: roster, budget: budget)
    }

    /// Submits the targets in order until every one is started or the batch stops; `tell` hears what became of each
    /// as it comes. Returns why it stopped, nil when every target was started.
    @discardableResult
    public func submit(telling tell: @escaping @Sendable (BulkProgress.Change) async -> Void = { _ in }) async -> Stop? {
        await submission.run(
            targets, shouldStop: { [weak self] in await self?.stop != nil },
            shouldWithdraw: { [weak self] in await self?.withdrawsWaitingSubmissions ?? true }
        ) { [weak self] outcome in
            guard let change = await self?.take(outcome) else { return }
            await tell(change)
        }
        return stop
    }

    /// Stops submitting; the POSTs under way finish.
    public func requestStop() {
        if stop == nil { stop = .asked }
    }

    private func take(_ outcome: BulkSubmission.Outcome) -> BulkProgress.Change? {
        let change = progress.take(outcome)
        // A stop someone asked for stays theirs: what waits for its turn is withdrawn, whatever the budget says.
        if case .overBudget(_, let budget) = outcome, stop == nil { stop = .overBudget(budget) }
        guard case .refused(let target, let error) = outcome else { return change }
        if firstRefusal == nil { firstRefusal = "\(target): \(Self.clause(error.description))" }
        // What the server said outweighs a stop asked for meanwhile: it is why the rest could not go anyway.
        guard stop == nil || stop == .asked else { return change }
        switch error {
        case .client(.tokenMissing), .client(.tokenRejected), .noClient: stop = .tokenRefused(error.description)
        default: if progress.serverLooksDown { stop = .serverUnreachable(error.description) }
        }
        return change
    }

    /// Takes in the store's changes; returns each followed request's new state.
    public func observe(_ changes: StoreChanges) -> [BulkProgress.Change] {
        progress.observe(changes)
    }

    /// Following `id` ended without an answer that ends it.
    public func followingEnded(_ id: RequestID, reason: String) -> BulkProgress.Change? {
        progress.followingEnded(id, reason: reason)
    }

    /// What became of the submissions, for a status bar, why it stopped first (a status bar may cut the end):
    /// "Refreshes stopped, the server cannot be reached or keeps failing: 0 submitted, 3 refused, 9 not sent (…)."
    public var sentence: String {
        var parts = ["\(progress.submitted) submitted" + (progress.resubmitted > 0 ? " (\(progress.resubmitted) again after an unknown outcome)" : "")]
        if progress.joined > 0 { parts.append("\(progress.joined) under way or fresh, joined") }
        if progress.refused > 0 { parts.append("\(progress.refused) refused") }
        if progress.unknownSubmissions > 0 {
            parts.append("\(progress.unknownSubmissions) sent with the outcome unknown (not sent again)")
        }
        let left = progress.total - progress.started
        if stop != nil, left > 0 { parts.append("\(left) not sent") }
        let counts = parts.joined(separator: ", ")
        switch stop {
        case .none:
            return "Refreshes: \(counts)" + (firstRefusal.map { " (\($0))" } ?? "") + "."
        case .asked:
            return "Refreshes stopped: \(counts)."
        case .tokenRefused(let reason):
            return "Refreshes stopped, \(Self.clause(reason)): \(counts)."
        case .serverUnreachable(let reason):
            return "Refreshes stopped, the server cannot be reached or keeps failing: \(counts) (\(Self.clause(reason)))."
        case .overBudget(let budget):
            return "Refreshes stopped, the store's budget of \(budget) is spent: \(counts)."
        }
    }

    /// An error's words as a clause of a longer sentence: without their final full stop.
    public static func clause(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
