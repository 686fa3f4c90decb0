import Foundation
import RefreshAPI

/// A creator, identified per platform, with the figures of its latest refresh.
public struct StoredCreator: Hashable, Sendable {
    public var id: Int64?
    public var platform: String
    /// The identity within the platform: the lower-cased handle, else the user or channel id (as sent: channel
    /// ids are case-sensitive).
    public var key: String
    public var handle: String?
    /// The platform's own id: Instagram's user id, YouTube's channel id.
    public var platformID: String?
    public var name: String?
    public var tier: String?
    public var followers: Int?
    public var engagement: Double?
    public var contentPerWeek: Double?
    public var posts: Int?
    /// The followers at the refresh before the latest, for the change since.
    public var previousFollowers: Int?
    /// The change of followers over the last month, in percent, as the server reckons it.
    public var followersGrowthMonth: Double?
    /// The share of the latest refresh's posts marked as sponsored, in percent; nil when it had no posts.
    public var sponsoredShare: Double?
    public var category: String?
    public var city: String?
    public var country: String?
    public var biography: String?
    public var lastRefreshedAt: Date

    public init(
        id: Int64? = nil, platform: String, key: String, handle: String? = nil, platformID: String? = nil,
        name: String? = nil, tier: String? = nil,
        followers: Int? = nil, engagement: Double? = nil, contentPerWeek: Double? = nil, posts: Int? = nil,
        previousFollowers: Int? = nil, followersGrowthMonth: Double? = nil, sponsoredShare: Double? = nil,
        category: String? = nil, city: String? = nil, country: String? = nil, biography: String? = nil,
        lastRefreshedAt: Date
    ) {
        self.id = id
        self.platform = platform
        self.key = key
        self.handle = handle
        self.platformID = platformID
        self.name = name
        self.tier = tier
        self.followers = followers
        self.engagement = engagement
        self.contentPerWeek = contentPerWeek
        self.posts = posts
        self.previousFollowers = previousFollowers
        self.followersGrowthMonth = followersGrowthMonth
        self.sponsoredShare = sponsoredShare
        self.category = category
        self.city = city
        self.country = country
        self.biography = biography
        self.lastRefreshedAt = lastRefreshedAt
    }

    /// The creator with the figures of a finished refresh about it. The figures it had become the previous ones
    /// when the refresh is a later one.
    public mutating func update(from record: RefreshRecord, at date: Date) {
        let overview = record.response?.profileOverview
        let details = record.response?.profileDetails
        handle = overview?.handle ?? handle
        platformID = overview?.userID ?? overview?.channelID ?? platformID
        name = details?.fullName ?? name
        tier = overview.flatMap(DisplayedTier.init)?.name ?? tier
        if date > lastRefreshedAt, let followers { previousFollowers = followers }
        followers = overview?.followers
        followersGrowthMonth = record.response?.growthTrends?.monthlyFollowersGrowth
        let recent = record.response?.posts.map { $0.video + $0.nonVideo } ?? []
        sponsoredShare = recent.isEmpty ? nil : Double(recent.count { $0.sponsored }) * 100 / Double(recent.count)
        category = details?.category ?? details?.platformCategory ?? category
        city = details?.city ?? city
        country = details?.country ?? country
        biography = details?.biography ?? biography
        engagement = overview?.engagement
        contentPerWeek = overview?.contentPerWeek
        posts = overview?.posts
        lastRefreshedAt = date
    }
}

/// A creator's figures at the time of one refresh. Each finished request gives at most one.
public struct CreatorSnapshot: Hashable, Sendable {
    public var id: Int64?
    public var creatorID: Int64
    public var requestID: String
    public var takenAt: Date
    public var followers: Int?
    public var following: Int?
    public var posts: Int?
    public var engagement: Double?
    public var tier: String?

    public init(
        id: Int64? = nil, creatorID: Int64, requestID: String, takenAt: Date, followers: Int? = nil,
        following: Int? = nil, posts: Int? = nil, engagement: Double? = nil, tier: String? = nil
    ) {
        self.id = id
        self.creatorID = creatorID
        self.requestID = requestID
        self.takenAt = takenAt
        self.followers = followers
        self.following = following
        self.posts = posts
        self.engagement = engagement
        self.tier = tier
    }
}

/// Which creator a finished refresh is about.
public struct CreatorIdentity: Hashable, Sendable {
    public let platform: Platform
    public let key: String

    /// The identity of the creator in `record`, or nil when the response does not say
    /// (or when the refresh was of a single post).
    public init?(_ record: RefreshRecord) {
        guard let target = record.request?.target, !target.type.isSinglePost else { return nil }
        let overview = record.response?.profileOverview
        platform = target.type.platform
        let candidates: [String?] =
            switch target.type {
            case .instagram: [overview?.handle, target.value]
            case .instagramID: [overview?.handle, overview?.userID, target.value]
            case .youtube: [overview?.channelID, target.value]
            case .instagramPost, .youtubePost: []
            }
        guard let key = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return nil }
        self.key = platform == .instagram ? key.lowercased() : key
    }
}
