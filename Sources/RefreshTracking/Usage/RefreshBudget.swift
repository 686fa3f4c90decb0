import Foundation

/// How many paid refreshes may be sent in an hour, a day or a week (`500/day`), counted in UTC calendar periods
/// (a week starts on Monday): kept in the store so that a team shares it, and given to the keeper.
public struct RefreshBudget: Sendable, Hashable, CustomStringConvertible {
    public enum Period: String, Sendable, CaseIterable {
        case hour, day, week

        var seconds: TimeInterval {
            switch self {
            case .hour: 3600
            case .day: 86_400
            case .week: 7 * 86_400
            }
        }
    }

    /// The name of the store's setting that holds it.
    public static let settingKey = "budget"

    /// Refreshes allowed per period; 0 allows none.
    public let limit: Int
    public let period: Period

    public init(limit: Int, period: Period) {
        self.limit = max(0, limit)
        self.period = period
    }

    /// Reads `500/day`, also `50/h`, `50/hour`, `200/d`, `1000/w`, `1000/week` (spaces allowed around the slash).
    public init(parsing text: String) throws(RefreshBudgetError) {
        let parts = text.lowercased().split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let periods: [String: Period] = ["h": .hour, "hour": .hour, "d": .day, "day": .day, "w": .week, "week": .week]
        guard parts.count == 2, let limit = Int(parts[0]), limit >= 0, limit <= 10_000_000, let period = periods[parts[1]]
        else {
            throw RefreshBudgetError(text)
        }
        self.init(limit: limit, period: period)
    }

    /// `500/day`: what ``init(parsing:)`` reads back.
    public var description: String { "\(limit)/\(period.rawValue)" }

    /// The start of the period `date` falls in (UTC; weeks from Monday).
    public func periodStart(containing date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        switch period {
        case .hour, .day:
            return Date(timeIntervalSince1970: (seconds / period.seconds).rounded(.down) * period.seconds)
        case .week:
            // 1970-01-01 was a Thursday: Mondays fall 4 days after a multiple of seven days.
            let mondayOffset = 4 * 86_400.0
            return Date(
                timeIntervalSince1970: ((seconds - mondayOffset) / period.seconds).rounded(.down) * period.seconds
                    + mondayOffset)
        }
    }

    /// The start of the next period after the one `date` falls in.
    public func nextPeriodStart(after date: Date) -> Date {
        periodStart(containing: date).addingTimeInterval(period.seconds)
    }
}

/// A budget written in a way ``RefreshBudget`` does not read.
public struct RefreshBudgetError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String

    init(_ text: String) {
        self.text = text
    }

    public var description: String {
        "a budget is a number of refreshes per hour, day or week, such as 500/day, 50/hour or 2000/week"
    }
}
