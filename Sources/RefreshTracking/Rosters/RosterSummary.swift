import Foundation
import RefreshAPI

/// A roster summed up, as a campaign's overview shows it: how many creators, how many stale, their followers,
/// engagement, output and tiers.
public struct RosterSummary: Hashable, Sendable {
    public var creators: Int
    /// Members with figures (a refresh of them succeeded).
    public var refreshed: Int
    /// Members past the roster's maximum age (or never refreshed, when it has one).
    public var stale: Int
    public var totalFollowers: Int
    /// The median engagement rate (percent) of the members that have one.
    public var medianEngagement: Double?
    /// Posts per week, all members together.
    public var postsPerWeek: Double
    /// How many members are in each tier, from the smallest tier up; tiers the API names otherwise come last.
    public var tiers: [TierCount]

    public init(members: [RosterMember], maxAge: TimeInterval?, at now: Date) {
        let creators = members.compactMap(\.creator)
        self.creators = members.count
        refreshed = creators.count
        stale = members.filter { $0.isStale(maxAge: maxAge, at: now) }.count
        // Held at the largest whole number rather than overflowing (counts past any creator's are kept at a bound).
        totalFollowers = creators.reduce(0) { sum, creator in
            let (total, overflow) = sum.addingReportingOverflow(creator.followers ?? 0)
            return overflow ? (sum < 0 ? Int.min : Int.max) : total
        }
        let rates = creators.compactMap(\.engagement).sorted()
        medianEngagement =
            rates.isEmpty ? nil : rates.count.isMultiple(of: 2)
            ? (rates[rates.count / 2 - 1] + rates[rates.count / 2]) / 2 : rates[rates.count / 2]
        postsPerWeek = creators.reduce(0) { $0 + ($1.contentPerWeek ?? 0) }
        var counts: [String: Int] = [:]
        for tier in creators.compactMap({ $0.tier ?? $0.followers.map { InfluencerTier(followers: $0).rawValue } }) {
            counts[tier, default: 0] += 1
        }
        let order = InfluencerTier.allCases.map(\.rawValue)
        tiers = counts.sorted { lhs, rhs in
            (order.firstIndex(of: lhs.key) ?? order.count, lhs.key) < (order.firstIndex(of: rhs.key) ?? order.count, rhs.key)
        }.map { TierCount(name: $0.key, count: $0.value) }
    }
}

/// How many creators of a roster are in one tier.
public struct TierCount: Hashable, Sendable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}
