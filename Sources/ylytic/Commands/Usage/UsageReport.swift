import Foundation
import Presentation
import RefreshTracking

/// What `ylytic usage` prints: the paid refreshes grouped one way, and where the budget stands.
struct UsageReport {
    struct Row: Equatable {
        /// The day ("2026-12-07"), the person ("user@host") or the roster ("(no roster)").
        let key: String
        let refreshes: Int
    }

    let rows: [Row]
    let budget: RefreshBudget?
    /// Paid refreshes sent in the budget's current period.
    let usedInPeriod: Int
    let now: Date

    init(counts: [UsageCount], by grouping: UsageCommand.Grouping, budget: RefreshBudget?, usedInPeriod: Int, now: Date) {
        var totals: [String: Int] = [:]
        for count in counts {
            let key =
                switch grouping {
                case .day: Timestamp.day(count.hour)
                case .person: count.submitter
                case .roster: count.roster ?? Self.noRoster
                }
            totals[key, default: 0] += count.refreshes
        }
        // Days in order; people and rosters the busiest first.
        rows = totals.map { Row(key: $0.key, refreshes: $0.value) }.sorted { first, second in
            grouping == .day
                ? first.key < second.key
                : (first.refreshes, second.key) > (second.refreshes, first.key)
        }
        self.budget = budget
        self.usedInPeriod = usedInPeriod
        self.now = now
    }

    static let noRoster = "(no roster)"

    var total: Int { rows.reduce(0) { $0 + $1.refreshes } }

    /// "Budget 500/day: 123 used, 377 left in this day (UTC); the next starts 2026-12-08 00:00:00 UTC."
    var budgetSentence: String? {
        guard let budget else { return nil }
        let left = max(0, budget.limit - usedInPeriod)
        return "Budget \(budget): \(NumberFormat.grouped(usedInPeriod)) used, \(NumberFormat.grouped(left)) left this "
            + "\(budget.period.rawValue) (UTC); the next starts \(Timestamp.text(budget.nextPeriodStart(after: now)))."
    }

    var json: UsageJSON {
        UsageJSON(
            rows: rows.map { UsageJSON.Row(key: $0.key, refreshes: $0.refreshes) }, total: total,
            budget: budget.map {
                UsageJSON.Budget(
                    limit: $0.limit, period: $0.period.rawValue, used: usedInPeriod, left: max(0, $0.limit - usedInPeriod),
                    nextPeriodAt: Timestamp.rfc3339($0.nextPeriodStart(after: now)))
            })
    }
}

/// `ylytic usage --json`.
struct UsageJSON: Encodable {
    struct Row: Encodable {
        let key: String
        let refreshes: Int
    }

    struct Budget: Encodable {
        let limit: Int
        let period: String
        let used: Int
        let left: Int
        let nextPeriodAt: String

        enum CodingKeys: String, CodingKey {
            case limit, period, used, left, nextPeriodAt = "next_period_at"
        }
    }

    let rows: [Row]
    let total: Int
    let budget: Budget?
}
