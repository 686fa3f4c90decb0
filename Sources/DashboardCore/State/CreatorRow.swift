import Foundation
import RefreshAPI
import RefreshTracking

/// What the creators screen knows of one creator: the creator as the store keeps it (the figures of its latest
/// refresh, and what queries ask about), the change since the refresh before, and the request that made it.
public struct CreatorRow: Hashable, Sendable, Identifiable {
    public var creator: StoredCreator
    public var id: Int64
    public var platform: Platform
    /// Followers gained or lost since the previous refresh, when there was one.
    public var followerChange: Int?
    /// The request whose response holds the latest figures.
    public var latestRequestID: String?
    /// The rosters it is in, for queries (`roster:summer-26`, `stale`).
    public var rosters: [QueryContext.Membership]

    public init(
        _ creator: StoredCreator, followerChange: Int? = nil, latestRequestID: String? = nil,
        rosters: [QueryContext.Membership] = []
    ) {
        self.creator = creator
        id = creator.id ?? 0
        platform = Platform(rawValue: creator.platform) ?? .instagram
        self.followerChange = followerChange
        self.latestRequestID = latestRequestID
        self.rosters = rosters
    }

    public init(
        id: Int64, platform: Platform, key: String, handle: String? = nil, name: String? = nil, tier: String? = nil,
        followers: Int? = nil, engagement: Double? = nil, contentPerWeek: Double? = nil, followerChange: Int? = nil,
        lastRefreshedAt: Date, latestRequestID: String? = nil
    ) {
        self.init(
            StoredCreator(
                id: id, platform: platform.rawValue, key: key, handle: handle, name: name, tier: tier, followers: followers,
                engagement: engagement, contentPerWeek: contentPerWeek, lastRefreshedAt: lastRefreshedAt),
            followerChange: followerChange, latestRequestID: latestRequestID)
    }

    /// The handle, or the user or channel id, that identifies the creator.
    public var key: String { creator.key }
    public var handle: String? { creator.handle }
    public var name: String? { creator.name }
    public var tier: String? { creator.tier }
    public var followers: Int? { creator.followers }
    /// Engagement rate in percent, as the platform defines it.
    public var engagement: Double? { creator.engagement }
    public var contentPerWeek: Double? { creator.contentPerWeek }
    public var lastRefreshedAt: Date { creator.lastRefreshedAt }

    /// The target that refreshes this creator again.
    public var refreshTarget: RefreshTarget {
        switch platform {
        case .instagram: RefreshTarget(uncheckedType: .instagram, value: handle ?? key)
        case .youtube: RefreshTarget(uncheckedType: .youtube, value: key)
        }
    }
}
