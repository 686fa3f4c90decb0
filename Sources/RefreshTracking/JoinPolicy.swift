import Foundation
import RefreshAPI

/// Whether a submission joins a request for the same target instead of sending a new one (each refresh costs
/// API quota).
public enum JoinPolicy: Sendable, Equatable {
    /// Always send a new request (`--force`).
    case never
    /// Join a request for the same target that is being submitted or is pending, or that succeeded within
    /// `freshFor` seconds (0: only one under way).
    case underWayOrFresh(freshFor: TimeInterval)

    /// The default: under way, or succeeded within the last hour.
    public static let standard = JoinPolicy.underWayOrFresh(freshFor: 3600)

    /// Requests that succeeded at or after this time are fresh enough to join; nil when nothing is joined.
    public func freshSince(_ now: Date) -> Date? {
        switch self {
        case .never: nil
        case .underWayOrFresh(let freshFor): now.addingTimeInterval(-max(0, freshFor))
        }
    }
}

/// What recording the intent to submit a target gave.
public enum RecordedIntent: Sendable, Equatable {
    /// The intent was written under this store number; the POST may go.
    case recorded(Int64)
    /// A request for the same target is under way or fresh: nothing was written, and this one is joined.
    case joined(TrackedRequest)
    /// The store's budget for the period is spent (`used` refreshes so far): nothing was written or may be sent.
    case overBudget(RefreshBudget, used: Int)
}

/// What a submission did.
public enum SubmissionOutcome: Sendable, Equatable {
    /// A new request was sent; the server's answer.
    case submitted(RefreshRecord)
    /// A request for the same target was under way or fresh, and was joined instead of sending a new one.
    case joined(TrackedRequest)
}
