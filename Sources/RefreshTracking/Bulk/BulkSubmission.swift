import Foundation
import RefreshAPI

/// Submits a list of targets through a tracker, each once: joined with a request under way or fresh as the
/// join policy says, POSTs paced by a ``SubmissionPacer``, a few under way at once, every one followed. Stops
/// starting new ones when asked, and lets those under way finish, so that what the store holds is exactly what
/// was sent (running the same list again submits only the rest).
public struct BulkSubmission: Sendable {
    /// What became of one target.
    public enum Outcome: Sendable, Equatable {
        case submitted(RefreshTarget, RefreshRecord)
        case joined(RefreshTarget, TrackedRequest)
        case refused(RefreshTarget, TrackingError)
        /// Stopped before its POST was sent: nothing was sent, and the target is left to go.
        case withdrawn(RefreshTarget)
        /// The store's budget for the period was spent: nothing was sent, and the target is left to go.
        case overBudget(RefreshTarget, RefreshBudget)
    }

    public let tracker: RefreshTracker
    public let join: JoinPolicy
    public let pacer: SubmissionPacer
    /// The roster the refreshes are sent for, counted with it in the usage; nil for none.
    public let roster: String?
    /// Whether the store's budget may refuse them.
    public let budget: BudgetRule
    /// Submissions under way at once (each waits for its turn of the pacer before its POST).
    public let concurrency: Int

    public init(
        tracker: RefreshTracker, join: JoinPolicy, pacer: SubmissionPacer, roster: String? = nil,
        budget: BudgetRule = .enforced, concurrency: Int = 4
    ) {
        self.tracker = tracker
        self.join = join
        self.pacer = pacer
        self.roster = roster
        self.budget = budget
        self.concurrency = max(1, concurrency)
    }

    /// Submits `targets` in order, reporting each outcome as it comes; starts no new one once `shouldStop` says so
    /// (after a refused token or a spent budget, too: nothing more could go), and a submission waiting for its turn
    /// when `shouldWithdraw` says so is withdrawn, sending nothing (one that holds a share of a spent budget is not:
    /// it may go). Returns how many were started.
    @discardableResult
    public func run(
        _ targets: [RefreshTarget], shouldStop: @escaping @Sendable () async -> Bool,
        shouldWithdraw: @escaping @Sendable () async -> Bool, report: @escaping @Sendable (Outcome) async -> Void
    ) async -> Int {
        let tracker = self.tracker
        let join = self.join
        let pacer = self.pacer
        let roster = self.roster
        let budget = self.budget
        return await withTaskGroup(of: Bool.self) { group in
            var started = 0
            var inFlight = 0
            var tokenRefused = false
            for target in targets {
                if inFlight == concurrency {
                    if await group.next() == false { tokenRefused = true }
                    inFlight -= 1
                }
                guard !tokenRefused, await !shouldStop() else { break }
                started += 1
                inFlight += 1
                group.addTask {
                    do throws(TrackingError) {
                        switch try await tracker.submit(
                            target, follow: true, join: join, roster: roster, budget: budget, pacedBy: pacer, unless: shouldWithdraw)
                        {
                        case .submitted(let record): await report(.submitted(target, record))
                        case .joined(let request): await report(.joined(target, request))
                        }
                        return true
                    } catch .withdrawn {
                        await report(.withdrawn(target))
                        return true
                    } catch .overBudget(let budget, _) {
                        await report(.overBudget(target, budget))
                        return false
                    } catch {
                        await report(.refused(target, error))
                        if case .client(let client) = error, case .tokenRejected = client { return false }
                        if case .noClient = error { return false }
                        return true
                    }
                }
            }
            for await ok in group where !ok { tokenRefused = true }
            return started
        }
    }
}
