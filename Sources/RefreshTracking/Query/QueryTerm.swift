import Foundation

/// One condition of a ``CreatorQuery``, as typed: `tier:micro,mid`, `er>3%`, `stale`, `-city:pune`, free text.
public struct QueryTerm: Hashable, Sendable {
    /// What the condition asks of a creator.
    public enum Condition: Hashable, Sendable {
        /// The name, handle or biography holds the text (whatever its case).
        case text(String)
        /// The field holds one of the texts (whatever their case); a tier also answers to a word of its name
        /// (`mid` is `lower-mid` and `upper-mid`), a place or category to a part of it.
        case oneOf(TextField, [String])
        /// The figure compares so with the value.
        case compare(NumberField, QueryComparison, Double)
        /// The figure is within the bounds, both included; nil is open.
        case between(NumberField, Double?, Double?)
        /// Refreshed so many seconds ago or more recently (`<`) or longer ago (`>`).
        case refreshed(QueryComparison, TimeInterval)
        /// Older than the smallest maximum age of its rosters.
        case stale
    }

    public var condition: Condition
    /// Written with a leading `-`: the creators the condition does not hold for.
    public var negated: Bool

    public init(_ condition: Condition, negated: Bool = false) {
        self.condition = condition
        self.negated = negated
    }
}

/// A text a creator is asked about.
public enum TextField: String, CaseIterable, Hashable, Sendable {
    case tier, platform, category, city, country, roster
}

/// A figure a creator is asked about, by the name a query gives it.
public enum NumberField: String, CaseIterable, Hashable, Sendable {
    case followers
    case engagement = "er"
    case growthMonth = "growth.month"
    case postsPerWeek = "posts/wk"
    case sponsored

    /// Other names a query may give it.
    static let aliases: [String: NumberField] = ["engagement": .engagement, "growth": .growthMonth, "ppw": .postsPerWeek]

    /// The creator's figure; nil when the store does not know it (no condition on it then holds).
    public func value(of creator: StoredCreator) -> Double? {
        switch self {
        case .followers: creator.followers.map(Double.init)
        case .engagement: creator.engagement
        case .growthMonth: creator.followersGrowthMonth
        case .postsPerWeek: creator.contentPerWeek
        case .sponsored: creator.sponsoredShare
        }
    }
}

/// How a figure compares with a query's value.
public enum QueryComparison: String, CaseIterable, Hashable, Sendable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "="

    /// The comparison with its sides swapped: `a < b` is `b > a`.
    public var mirrored: QueryComparison {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .equal: .equal
        }
    }

    public func holds(_ left: Double, _ right: Double) -> Bool {
        switch self {
        case .less: left < right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        case .equal: left == right
        }
    }
}
