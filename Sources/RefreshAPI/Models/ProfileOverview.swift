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
    /// The keys an overview is read from.
    private enum Field: String, CaseIterable {
        case handle, engagement
        case userID = "ig_user_id", channelID = "channel_id", followers = "followers_count"
        case subscribers = "subscribers_count", following = "following_count", posts = "post_count"
        case videoCount = "video_count", contentPerWeek = "content_per_week", tier = "influencer_tier"
    }
    private static let fields = JSONFields<Field>()

    static func read(_ reader: inout JSONReader) throws(ResponseUnreadable) -> ProfileOverview {
        var overview = ProfileOverview()
        var subscribers: Result<Int?, ResponseUnreadable> = .success(nil)
        var videoCount: Result<Int?, ResponseUnreadable> = .success(nil)
        try reader.readFields(of: fields) { reader, field throws(ResponseUnreadable) in
            switch field {
            case .handle: overview.handle = try reader.lenientString()
            case .userID: overview.userID = try reader.lenientString()
            case .channelID: overview.channelID = try reader.lenientString()
            case .followers: overview.followers = try reader.lenientCount()
            case .subscribers:
                subscribers = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientCount() }
            case .following: overview.following = try reader.lenientCount()
            case .posts: overview.posts = try reader.lenientCount()
            case .videoCount: videoCount = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientCount() }
            case .engagement: overview.engagement = try reader.lenientDouble()
            case .contentPerWeek: overview.contentPerWeek = try reader.lenientDouble()
            case .tier: overview.tier = try reader.lenientString().flatMap { $0.isEmpty ? nil : $0 }
            }
        }
        if overview.followers == nil { overview.followers = try subscribers.get() }
        if overview.posts == nil { overview.posts = try videoCount.get() }
        return overview
    }
}
