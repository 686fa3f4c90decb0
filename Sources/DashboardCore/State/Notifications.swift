/// How the dashboard tells that refreshes finished while nobody looks at them (another window in front, or
/// another screen of the dashboard): nothing, the terminal's bell, or the bell and a desktop notification through
/// the escape sequence modern terminals understand (OSC 9, or OSC 777 `notify`), which reaches the person's own
/// machine through SSH.
public enum NotificationStyle: String, Sendable, CaseIterable {
    case off
    case bell
    /// The bell and OSC 9 (iTerm2, WezTerm, Windows Terminal, Ghostty…).
    case osc
    /// The bell and OSC 777 `notify` (foot, urxvt, Ghostty…).
    case osc777
}

extension DashboardReducer {
    /// What to say of requests that just ended: one by its target and outcome, several by their counts.
    static func notification(for ended: [RequestRow]) -> String {
        if ended.count == 1, let row = ended.first {
            let outcome = row.phase == .succeeded ? "succeeded" : "failed" + (row.detail.map { ": \($0)" } ?? "")
            return "ylytic: \(row.typeName) \(row.target) \(outcome)"
        }
        let failed = ended.filter { $0.phase == .failed }.count
        let counts = failed == 0 ? "all succeeded" : "\(ended.count - failed) succeeded, \(failed) failed"
        return "ylytic: \(ended.count) refreshes finished, \(counts)"
    }
}
