import Foundation
import RefreshAPI
import RefreshTracking
import TextGrid

/// What a request's state says in a table, the same in `ylytic list`, `roster show` and the dashboard:
/// "pending 40s", "retrying: timed out", "failed: this account is private", "outcome unknown", "succeeded".
public enum RequestStateText {
    /// The words for a request in `state`, whose server or last error said `detail`, whose last `failedPolls`
    /// polls failed, submitted at `submittedAt`.
    public static func of(
        _ state: TrackedState, detail: String?, failedPolls: Int, submittedAt: Date, now: Date
    ) -> String {
        let detail = detail.map { SafeText.sanitize($0) }
        if failedPolls > 0, state.isFollowed { return RefreshState.phrase("retrying", detail: detail) }
        switch state {
        case .pending, .stale: return "\(state.rawValue) \(Age.text(now.timeIntervalSince(submittedAt)))"
        case .submitting, .succeeded: return state.rawValue
        case .failed: return RefreshState.phrase("failed", detail: detail)
        case .unknown:
            return detail?.contains("outcome unknown") == true ? "outcome unknown" : RefreshState.phrase("unknown", detail: detail)
        }
    }

    /// The words for a tracked request.
    public static func of(_ request: TrackedRequest, now: Date) -> String {
        of(request.state, detail: request.detail, failedPolls: request.errorCount, submittedAt: request.submittedAt, now: now)
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
