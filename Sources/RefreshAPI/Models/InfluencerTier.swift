/// Ylytic's follower tiers, with the bounds its search uses.
public enum InfluencerTier: String, CaseIterable, Sendable, Codable {
    case early
    case nano
    case micro
    case lowerMid = "lower-mid"
    case upperMid = "upper-mid"
    case macro
    case mega
    case celebrity

    /// The tier a follower count falls in: early below 1k, nano 1k–10k, micro 10k–100k,
    /// lower-mid 100k–250k, upper-mid 250k–500k, macro 500k–1M, mega 1M–5M, celebrity 5M+.
    public init(followers: Int) {
        self =
            switch followers {
            case ..<1_000: .early
            case ..<10_000: .nano
            case ..<100_000: .micro
            case ..<250_000: .lowerMid
            case ..<500_000: .upperMid
            case ..<1_000_000: .macro
            case ..<5_000_000: .mega
            default: .celebrity
            }
    }

    /// The follower counts this tier covers.
    public var followerRange: Range<Int> {
        switch self {
        case .early: 0..<1_000
        case .nano: 1_000..<10_000
        case .micro: 10_000..<100_000
        case .lowerMid: 100_000..<250_000
        case .upperMid: 250_000..<500_000
        case .macro: 500_000..<1_000_000
        case .mega: 1_000_000..<5_000_000
        case .celebrity: 5_000_000..<Int.max
        }
    }
}

/// A tier to show: the API's own word when it sent one, else one derived from followers.
public struct DisplayedTier: Hashable, Sendable {
    public let name: String
    /// True when the API sent no tier and this one was computed from the follower count.
    public let isDerived: Bool

    /// The tier to show for an overview, or `nil` when neither a tier nor followers are known.
    public init?(overview: ProfileOverview) {
        if let tier = overview.tier {
            name = tier
            isDerived = false
        } else if let followers = overview.followers {
            name = InfluencerTier(followers: followers).rawValue
            isDerived = true
        } else {
            return nil
        }
    }
}
