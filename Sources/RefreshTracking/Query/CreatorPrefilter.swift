import Foundation

/// The part of a ``CreatorQuery`` a store answers in SQL, over columns of its creator table (followers, engagement,
/// growth, posts a week, sponsored share, the time of the last refresh, platform, tier; the first three of the
/// figures indexed): for each group of the query, the terms on those columns. The creators it selects include every creator the whole query matches; the rest of the query is then
/// asked of them in memory (``CreatorQuery/filter(_:in:)``).
public struct CreatorPrefilter: Hashable, Sendable {
    /// A value bound to a placeholder.
    public enum Value: Hashable, Sendable {
        case number(Double)
        case text(String)
    }

    /// Groups of terms, each group all of its terms; at least one group, none empty.
    public let groups: [[QueryTerm]]
    /// The time `refreshed` terms count back from.
    public let now: Date

    /// The prefilter of `query` at `now`; nil when some group has no term a store can answer (every creator is then
    /// read).
    public init?(_ query: CreatorQuery, now: Date) {
        let groups = query.groups.map { $0.filter(Self.isAnsweredInSQL) }
        guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.groups = groups
        self.now = now
    }

    /// Whether a store answers the term exactly as ``QueryTerm/holds(for:rosters:now:)`` does.
    static func isAnsweredInSQL(_ term: QueryTerm) -> Bool {
        switch term.condition {
        case .compare(let field, _, _), .between(let field, _, _): field.column != nil
        case .oneOf(let field, _): field == .platform || field == .tier
        case .refreshed(let comparison, _): comparison != .equal
        case .text, .stale: false
        }
    }

    /// The condition as SQL for a `WHERE` clause over the creator table, its values written as `placeholder(n)`
    /// (`?` for SQLite, `$n` for PostgreSQL; n counts from 1), and the values in order.
    public func sql(placeholder: (Int) -> String) -> (text: String, values: [Value]) {
        var values: [Value] = []
        func bind(_ value: Value) -> String {
            values.append(value)
            return placeholder(values.count)
        }
        let groupTexts = groups.map { group in
            group.map { term in
                let text = "COALESCE(\(condition(term.condition, bind)), FALSE)"
                return term.negated ? "NOT " + text : text
            }.joined(separator: " AND ")
        }
        return ("(" + groupTexts.joined(separator: ") OR (") + ")", values)
    }

    private func condition(_ condition: QueryTerm.Condition, _ bind: (Value) -> String) -> String {
        switch condition {
        case .compare(let field, let comparison, let value):
            return "\(field.column!) \(comparison.rawValue) \(bind(.number(value)))"
        case .between(let field, let low, let high):
            let bounds = [low.map { "\(field.column!) >= \(bind(.number($0)))" }, high.map { "\(field.column!) <= \(bind(.number($0)))" }]
            return bounds.compactMap { $0 }.joined(separator: " AND ")
        case .oneOf(.platform, let platforms):
            return "lower(platform) IN (\(platforms.map { bind(.text($0)) }.joined(separator: ", ")))"
        case .oneOf(_, let tiers):
            // A tier's name, or a word of it: `mid` is `lower-mid` and `upper-mid`.
            return tiers.map { tier in
                "lower(tier) = \(bind(.text(tier))) OR lower(tier) LIKE \(bind(.text(tier + "-%"))) "
                    + "OR lower(tier) LIKE \(bind(.text("%-" + tier))) OR lower(tier) LIKE \(bind(.text("%-" + tier + "-%")))"
            }.joined(separator: " OR ")
        case .refreshed(let comparison, let seconds):
            return "last_refreshed_at \(comparison.mirrored.rawValue) \(bind(.number(now.timeIntervalSince1970 - seconds)))"
        case .text, .stale:
            preconditionFailure("answered in memory")
        }
    }
}

extension NumberField {
    /// The creator table's column that holds the figure, when a store holds it as a column.
    var column: String? {
        switch self {
        case .followers: "followers"
        case .engagement: "engagement"
        case .growthMonth: "followers_growth_month"
        case .postsPerWeek: "content_per_week"
        case .sponsored: "sponsored_share"
        }
    }
}
