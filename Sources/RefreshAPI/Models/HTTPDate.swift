import Foundation

/// Parsing and formatting of the HTTP-dates the API uses (`Tue, 30 Jan 2024 04:35:17 GMT`).
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    /// The months' names as ``parseFixdate(_:)`` compares them: three lowercase letters as one number.
    private static let monthWords: [UInt32] = months.map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } }
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// Reads an IMF-fixdate (`Tue, 30 Jan 2024 04:35:17 GMT`), tolerating a missing
    /// weekday and extra spaces; also accepts an ISO 8601 timestamp. `nil` when neither.
    public static func parse(_ text: String) -> Date? {
        if let date = parseFixdate(text) { return date }
        let trimmed = text.trimmingWhitespace()
        if let date = parseIMF(trimmed) { return date }
        return parseISO8601(trimmed)
    }

    /// Formats a date as an IMF-fixdate, as servers send it.
    public static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let civil = CalendarDate(daysSinceEpoch: days)
        let weekday = weekdays[((days % 7) + 11) % 7]
        let month = months[civil.month - 1].capitalized
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d GMT", weekday, civil.day, month, civil.year,
            secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    /// The exact form servers send, `Tue, 30 Jan 2024 04:35:17 GMT`, read from its bytes; nil for any other
    /// form, which ``parseIMF(_:)`` reads as it would this one.
    private static func parseFixdate(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 29 else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            /// Three letters, lowercased, as one number; nil when they are not letters.
            func word(at start: Int) -> UInt32? {
                var value: UInt32 = 0
                for index in start..<(start + 3) {
                    let lower = bytes[index] | 0x20
                    guard lower &- UInt8(ascii: "a") < 26 else { return nil }
                    value = value << 8 | UInt32(lower)
                }
                return value
            }
            guard bytes[3] == UInt8(ascii: ","), bytes[4] == 0x20, bytes[7] == 0x20, bytes[11] == 0x20, bytes[16] == 0x20,
                bytes[19] == UInt8(ascii: ":"), bytes[22] == UInt8(ascii: ":"), bytes[25] == 0x20,
                word(at: 0) != nil, word(at: 26) == 0x67_6D74,  // "gmt"
                let month = word(at: 8), let monthIndex = monthWords.firstIndex(of: month), let day = number(5..<7),
                let year = number(12..<16), let hour = number(17..<19), let minute = number(20..<22),
                let second = number(23..<25), hour < 24, minute < 60, second <= 60,
                let date = CalendarDate(year: year, month: monthIndex + 1, day: day)
            else { return nil }
            let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
    }

    private static func parseIMF(_ text: String) -> Date? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let first = words.first, Int(first) == nil { words.removeFirst() }
        guard words.count >= 4, let day = Int(words[0]),
            let monthIndex = months.firstIndex(of: words[1].lowercased()), let year = Int(words[2])
        else { return nil }
        let clock = words[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]), (0...60).contains(clock[2])
        else { return nil }
        if words.count >= 5, !["gmt", "utc", "z", "+0000"].contains(words[4].lowercased()) { return nil }
        guard let date = CalendarDate(year: year, month: monthIndex + 1, day: day) else { return nil }
        let seconds = date.daysSinceEpoch * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func parseISO8601(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
