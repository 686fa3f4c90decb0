import RefreshAPI
import TextGrid

/// What is said of the requests a process sent whose ids the store never took (it could not be reached): they
/// were paid for, and the store will call them "outcome unknown". The command line and the dashboard say it alike.
public enum UnrecordedSubmissions {
    /// "sent as r1, r2, but the store could not record them; …", the ids made safe for a terminal.
    public static func sentence(_ ids: [RequestID]) -> String {
        let shown = ids.map { SafeText.sanitize($0.rawValue) }
        let them = ids.count == 1 ? "it" : "them"
        return "sent as \(shown.joined(separator: ", ")), but the store could not record \(them); the store will say "
            + "the outcome is unknown. Follow \(them) with ylytic watch \(shown.joined(separator: " ")) once the store is "
            + "back, rather than submitting again."
    }
}
