import Foundation
import RefreshAPI
import RefreshTracking
import TextGrid

/// What a request's state says, the same in `ylytic list`, `roster show` and the dashboard: "pending 40s",
/// "retrying: timed out", "failed: this account is private", "outcome unknown", "succeeded".
public enum RequestStateText {
    /// The words for a request in `state`, whose server or last error said `detail`, whose last `failedPolls`
    /// polls failed, submitted at `submittedAt`. A live screen gives ages in steps of ten seconds and says "outcome
    /// unknown" short; `exact` text (printed once, by the command line) gives ages to the second and every word.
    public static func of(
        _ state: TrackedState, detail: String?, failedPolls: Int, submittedAt: Date, now: Date, exact: Bool = false
    ) -> String {
        let detail = detail.map { SafeText.sanitize($0) }
        if failedPolls > 0, state.isFollowed { return RefreshState.phrase("retrying", detail: detail) }
        let waited = now.timeIntervalSince(submittedAt)
        switch state {
        case .pending, .stale: return "\(state.rawValue) \(exact ? Age.duration(waited) : Age.text(waited))"
        case .submitting: return exact ? "submitting \(Age.duration(waited))" : "submitting"
        case .succeeded: return "succeeded"
        case .failed: return RefreshState.phrase("failed", detail: detail)
        case .unknown:
            return !exact && detail?.contains("outcome unknown") == true ? "outcome unknown" : RefreshState.phrase("unknown", detail: detail)
        }
    }

    /// The words for a tracked request, as the command line prints them.
    public static func of(_ request: TrackedRequest, now: Date) -> String {
        of(request.state, detail: request.detail, failedPolls: request.errorCount, submittedAt: request.submittedAt, now: now, exact: true)
    }
}

/// When a creator was last refreshed, and whether that is too long ago for its roster: "3h ago", "2d ago (stale)",
/// "never (stale)", "never".
public enum FreshnessText {
    public static func of(refreshedAt: Date?, isStale: Bool, now: Date) -> String {
        let age = refreshedAt.map { Age.ago($0, now: now) } ?? "never"
        return isStale ? age + " (stale)" : age
    }
}
