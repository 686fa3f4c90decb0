import RefreshAPI

/// The exit codes of every command, documented in `--help` and the README.
enum ExitStatus: Int32, Sendable {
    /// The refresh succeeded (or the command did what it was asked).
    case succeeded = 0
    /// The refresh ended failed.
    case refreshFailed = 1
    /// Invalid usage or input, including an unreadable `--file`.
    case invalidInput = 2
    /// The token is missing or was rejected.
    case tokenProblem = 3
    /// A network or server error, after retries.
    case networkProblem = 4
    /// Still pending when `--wait` or `--timeout` ran out.
    case stillPending = 5
    /// The store's budget for the period is spent: nothing more was sent (`--force` sends beyond it).
    case overBudget = 6
    /// Asked to stop (Ctrl-C, SIGTERM) while following; what it followed is left for others to follow.
    case interrupted = 130

    static let helpText = """
        Exit codes: 0 succeeded; 1 the refresh ended failed; 2 invalid usage or input; 3 token missing or \
        rejected; 4 network or server error after retries; 5 still pending when the wait timed out; 6 the store's \
        budget is spent, nothing more sent; 130 stopped by Ctrl-C while following.
        """

    /// The status that reports a request's state.
    init(_ state: RefreshState) {
        switch state {
        case .succeeded: self = .succeeded
        case .failed: self = .refreshFailed
        case .pending: self = .stillPending
        case .unknown: self = .networkProblem
        }
    }

    /// The status that reports a client error.
    init(_ error: RefreshClientError) {
        switch error {
        case .tokenMissing, .tokenRejected: self = .tokenProblem
        case .requestNotFound, .rejected, .malformedRequestID: self = .invalidInput
        case .rateLimited, .serverUnavailable, .outcomeUnknown, .responseUnreadable: self = .networkProblem
        }
    }

    /// Of several outcomes, the one a script most needs to hear: errors first, then
    /// failed refreshes, then pending ones.
    static func combined(_ statuses: [ExitStatus]) -> ExitStatus {
        let priority: [ExitStatus] = [
            .tokenProblem, .invalidInput, .networkProblem, .overBudget, .refreshFailed, .stillPending,
        ]
        return priority.first(where: statuses.contains) ?? .succeeded
    }
}
