import Foundation
import RefreshAPI

/// What the Rosters screen knows of one roster: its creators, with the figures of each one's latest refresh, and
/// the roster summed up.
public struct RosterRow: Sendable, Equatable, Identifiable {
    /// One creator of the roster.
    public struct Member: Sendable, Equatable {
        /// The target it was added as (what refreshes it).
        public var target: RefreshTarget
        /// The creator a refresh of it was about; nil until one succeeded.
        public var creator: CreatorRow?
        /// Whether its figures are older than the roster's maximum age (or missing, when it has one).
        public var isStale: Bool

        public init(target: RefreshTarget, creator: CreatorRow?, isStale: Bool) {
            self.target = target
            self.creator = creator
            self.isStale = isStale
        }
    }

    /// How many members are in a tier.
    public struct Tier: Sendable, Equatable {
        public var name: String
        public var count: Int

        public init(name: String, count: Int) {
            self.name = name
            self.count = count
        }
    }

    /// The store's own number for the roster, which a rename keeps (nil for one not read from a store).
    public var storeID: Int64?
    public var name: String
    /// Seconds past which figures are stale; nil: never.
    public var maxAge: TimeInterval?
    public var members: [Member]
    public var stale: Int
    public var totalFollowers: Int
    public var medianEngagement: Double?
    public var postsPerWeek: Double
    public var tiers: [Tier]

    public init(
        storeID: Int64? = nil, name: String, maxAge: TimeInterval?, members: [Member], stale: Int, totalFollowers: Int,
        medianEngagement: Double?, postsPerWeek: Double, tiers: [Tier]
    ) {
        self.storeID = storeID
        self.name = name
        self.maxAge = maxAge
        self.members = members
        self.stale = stale
        self.totalFollowers = totalFollowers
        self.medianEngagement = medianEngagement
        self.postsPerWeek = postsPerWeek
        self.tiers = tiers
    }

    public var id: String { name.lowercased() }
}
