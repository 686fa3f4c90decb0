import Foundation
import RefreshAPI

/// Points in time as every front end writes them: for people, and for scripts.
public enum Timestamp {
    /// For people: "2026-12-07 08:30:29 UTC".
    public static func text(_ date: Date) -> String {
        let (day, clock) = parts(date)
        return "\(day) \(clock) UTC"
    }

    /// For scripts (every `--json`): RFC 3339 in UTC to the second, "2026-12-07T08:30:29Z".
    public static func rfc3339(_ date: Date) -> String {
        let (day, clock) = parts(date)
        return "\(day)T\(clock)Z"
    }

    /// The day and the time of day in UTC: "2026-12-07", "08:30:29".
    private static func parts(_ date: Date) -> (day: CalendarDate, clock: String) {
        // Held to ±300,000 years, so that no date overflows the arithmetic.
        let seconds = min(max(date.timeIntervalSince1970, -1e13), 1e13)
        let whole = Int(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let inDay = whole - days * 86_400
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return (CalendarDate(daysSinceEpoch: days), "\(twoDigits(inDay / 3600)):\(twoDigits(inDay % 3600 / 60)):\(twoDigits(inDay % 60))")
    }

    /// For a tight table: "12-07 08:30" (UTC) in the year of `now`, else the day, "2025-12-07".
    public static func short(_ date: Date, now: Date) -> String {
        let (day, clock) = parts(date)
        let dayText = "\(day)"
        guard dayText.prefix(4) == "\(parts(now).day)".prefix(4) else { return dayText }
        return "\(dayText.dropFirst(5)) \(clock.prefix(5))"
    }

    /// A day, for file names and CSV: "2026-12-07".
    public static func day(_ date: Date) -> String {
        String(rfc3339(date).prefix(10))
    }

    /// A time a server wrote (its `request_at`, `response_at`), as it is read on a creator page.
    public static func server(_ date: Date) -> String {
        HTTPDate.format(date)
    }
}
