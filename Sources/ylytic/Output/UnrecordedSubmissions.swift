import RefreshAPI
import RefreshTracking
import TextGrid

/// What a command says of the requests it sent whose ids the store never took (it could not be reached): they
/// were paid for, and the store will call them "outcome unknown".
enum UnrecordedSubmissions {
    /// "ylytic: sent as r1, r2, but the store could not record them: …".
    static func warning(_ ids: [RequestID]) -> String {
        let named = ids.map { SafeText.sanitize($0.rawValue) }.joined(separator: ", ")
        let them = ids.count == 1 ? "it" : "them"
        return "ylytic: sent as \(named), but the store could not record \(them); the store will say the outcome is "
            + "unknown. Follow \(them) with ylytic watch \(ids.map { SafeText.sanitize($0.rawValue) }.joined(separator: " ")) "
            + "once the store is back, rather than submitting again."
    }
}
