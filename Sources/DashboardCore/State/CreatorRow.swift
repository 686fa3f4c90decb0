import Foundation
import RefreshAPI

/// What the creators screen knows of one creator: the figures of its latest refresh.
public struct CreatorRow: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var platform: Platform
    /// The handle, or the user or channel id, that identifies the creator.
    public var key: String
    public var handle: String?
    public var name: String?
    public var tier: String?
    public var followers: Int?
    /// Engagement rate in percent, as the platform defines it.
    public var engagement: Double?
    public var contentPerWeek: Double?
    /// Followers gained or lost since the previous refresh, when there was one.
    public var followerChange: Int?
    public var lastRefreshedAt: Date
    /// The request whose response holds the latest figures.
    public var latestRequestID: String?

    public init(
        id: Int64, platform: Platform, key: String, handle: String? = nil, name: String? = nil, tier: String? = nil,
        followers: Int? = nil, engagement: Double? = nil, contentPerWeek: Double? = nil, followerChange: Int? = nil,
        lastRefreshedAt: Date, latestRequestID: String? = nil
    ) {
        self.id = id
        self.platform = platform
        self.key = key
        self.handle = handle
        self.name = name
        self.tier = tier
        self.followers = followers
        self.engagement = engagement
        self.contentPerWeek = contentPerWeek
        self.followerChange = followerChange
        self.lastRefreshedAt = lastRefreshedAt
        self.latestRequestID = latestRequestID
    }

    /// The target that refreshes this creator again.
    public var refreshTarget: RefreshTarget {
        switch platform {
        case .instagram: RefreshTarget(uncheckedType: .instagram, value: handle ?? key)
        case .youtube: RefreshTarget(uncheckedType: .youtube, value: key)
        }
    }
}
