import Foundation

/// How long ago something happened, and how long something lasts, as every front end writes it.
public enum Age {
    /// A short age: under a minute in steps of ten seconds ("<10s", "40s"), so that a screen of pending requests
    /// changes a few cells every ten seconds rather than every second; then "12m", "3h" (up to two days), "5d".
    public static func text(_ seconds: TimeInterval) -> String {
        let seconds = max(0, Int(seconds.isFinite ? seconds : 0))
        switch seconds {
        case ..<10: return "<10s"
        case ..<60: return "\(seconds / 10 * 10)s"
        default: return duration(TimeInterval(seconds))
        }
    }

    /// "40s ago", "3h ago": how long before `now` `date` was.
    public static func ago(_ date: Date, now: Date) -> String {
        text(now.timeIntervalSince(date)) + " ago"
    }

    /// A length of time to the second: "45s", "12m", "3h" (up to two days), "5d".
    public static func duration(_ seconds: TimeInterval) -> String {
        let seconds = max(0, Int(seconds.isFinite ? min(seconds, 1e15) : 0))
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<172_800: return "\(seconds / 3600)h"
        default: return "\(seconds / 86_400)d"
        }
    }
}
