/// The creator's headline figures.
public struct ProfileOverview: Hashable, Sendable, Encodable {
    public var handle: String?
    public var userID: String?
    public var channelID: String?
    public var followers: Int?
    public var following: Int?
    public var posts: Int?
    /// Engagement rate in percent; its meaning depends on the platform (see ``Platform``).
    public var engagement: Double?
    public var contentPerWeek: Double?
    /// The tier as the API names it (`nano`, `micro`, …), when it sends one.
    public var tier: String?

    public init(
        handle: String? = nil, userID: String? = nil, channelID: String? = nil, followers: Int? = nil,
        following: Int? = nil, posts: Int? = nil, engagement: Double? = nil, contentPerWeek: Double? = nil,
        tier: String? = nil
    ) {
        self.handle = handle
        self.userID = userID
        self.channelID = channelID
        self.followers = followers
        self.following = following
        self.posts = posts
        self.engagement = engagement
        self.contentPerWeek = contentPerWeek
        self.tier = tier
    }

    enum CodingKeys: String, CodingKey {
        case handle
        case userID = "ig_user_id"
        case channelID = "channel_id"
        case followers = "followers_count"
        case following = "following_count"
        case posts = "post_count"
        case engagement
        case contentPerWeek = "content_per_week"
        case tier = "influencer_tier"
    }

    /// Reads the `profile_overview` object; `subscribers_count` and `video_count` stand in for the documented
    /// counts when those are absent.
    static func read(_ reader: inout JSONReader) throws(ResponseUnreadable) -> ProfileOverview {
        var overview = ProfileOverview()
        var subscribers: Result<Int?, ResponseUnreadable> = .success(nil)
        var videoCount: Result<Int?, ResponseUnreadable> = .success(nil)
        try reader.readObject { reader, key throws(ResponseUnreadable) in
            switch key {
            case "handle": overview.handle = try reader.lenientString()
            case "ig_user_id": overview.userID = try reader.lenientString()
            case "channel_id": overview.channelID = try reader.lenientString()
            case "followers_count": overview.followers = try reader.lenientCount()
            case "subscribers_count":
                subscribers = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientCount() }
            case "following_count": overview.following = try reader.lenientCount()
            case "post_count": overview.posts = try reader.lenientCount()
            case "video_count": videoCount = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientCount() }
            case "engagement": overview.engagement = try reader.lenientDouble()
            case "content_per_week": overview.contentPerWeek = try reader.lenientDouble()
            case "influencer_tier": overview.tier = try reader.lenientString().flatMap { $0.isEmpty ? nil : $0 }
            default: try reader.skipValue()
            }
        }
        if overview.followers == nil { overview.followers = try subscribers.get() }
        if overview.posts == nil { overview.posts = try videoCount.get() }
        return overview
    }
}
