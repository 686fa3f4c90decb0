import Foundation
import RefreshAPI

/// How a creator's figures move under `ylytic simulate --drift`, the same on every run and machine.
///
/// From a start day (2026-01-01) a creator grows or declines at its yearly rate; some months bring a jump of
/// about half up or a third down (enough to change tier now and then); each day has a wobble of its own; and each
/// refresh takes a small step of its own. Handles starting `falling_` lose 5 % of their followers at each refresh
/// instead (the second refresh of one shows 95 % of the first).
///
/// Trend points fall on days drawn per creator, so that the windows of two refreshes share their common days and
/// agree on them, except where a refresh's step or fall has moved the whole window.
struct CreatorDrift {
    /// The day the figures the traits hold are reached.
    static let start = CalendarDate(year: 2026, month: 1, day: 1)!

    private let seed: String
    private let traits: CreatorTraits
    /// How far this refresh's window is moved from the creator's course: its own step, and the fall of `falling_`.
    private let followersShift: Double
    private let engagementShift: Double

    /// The figures of the `refresh`-th refresh (from 0) of the creator `seed` names.
    init(seed: String, traits: CreatorTraits, refresh: Int, isFalling: Bool) {
        self.seed = seed
        self.traits = traits
        var step = SeededGenerator(text: "\(seed):refresh:\(refresh)")
        followersShift = isFalling ? Self.power(0.95, refresh) : refresh == 0 ? 1 : step.double(in: 0.998...1.004)
        engagementShift = refresh == 0 ? 0 : step.double(in: -0.05...0.05)
    }

    /// Followers on `day`.
    func followers(on day: CalendarDate) -> Double {
        let years = Double(day.daysSinceEpoch - Self.start.daysSinceEpoch) / 365
        var value = Double(traits.followers) * Self.power(1 + traits.yearlyGrowth, years)
        for month in stride(from: 0, through: months(to: day), by: 1) {
            var jump = SeededGenerator(text: "\(seed):jump:\(month)")
            if jump.chance(0.06) { value *= jump.chance(0.5) ? 1.55 : 0.65 }
        }
        var wobble = SeededGenerator(text: "\(seed):day:\(day.daysSinceEpoch)")
        return max(0, (value * wobble.double(in: 0.992...1.008) * followersShift).rounded())
    }

    /// Engagement in percent on `day`.
    func engagement(on day: CalendarDate) -> Double {
        let years = Double(day.daysSinceEpoch - Self.start.daysSinceEpoch) / 365
        let course = traits.engagement * (1 + traits.engagementDrift * years)
        var wobble = SeededGenerator(text: "\(seed):engagement:\(day.daysSinceEpoch)")
        return (max(0.01, course * wobble.double(in: 0.97...1.03) + engagementShift) * 100).rounded() / 100
    }

    /// The days of a window ending on `end`, about 400 days long: the creator's own days, and `end` itself.
    func trendDays(endingOn end: CalendarDate) -> [CalendarDate] {
        var density = SeededGenerator(text: "\(seed):density")
        let share = density.double(in: 0.15...0.3)
        let last = end.daysSinceEpoch
        return (last - 400..<last).compactMap { day in
            var draw = SeededGenerator(text: "\(seed):point:\(day)")
            return draw.chance(share) ? CalendarDate(daysSinceEpoch: day) : nil
        } + [end]
    }

    private func months(to day: CalendarDate) -> Int {
        (day.year - Self.start.year) * 12 + day.month - Self.start.month
    }

    private static func power(_ base: Double, _ exponent: Double) -> Double {
        guard exponent != 0 else { return 1 }
        return exp(exponent * log(base))
    }

    private static func power(_ base: Double, _ exponent: Int) -> Double {
        (0..<max(0, exponent)).reduce(1) { product, _ in product * base }
    }
}
