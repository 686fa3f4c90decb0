/// The creator's headline figures.
public struct ProfileOverview: Hashable, Sendable, Codable {
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

    private enum AlternateKeys: String, CodingKey {
        case subscribers = "subscribers_count"
        case videoCount = "video_count"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let alternate = try decoder.container(keyedBy: AlternateKeys.self)
        handle = try container.lenientString(.handle)
        userID = try container.lenientString(.userID)
        channelID = try container.lenientString(.channelID)
        followers = try container.lenientCount(.followers) ?? alternate.lenientCount(.subscribers)
        following = try container.lenientCount(.following)
        posts = try container.lenientCount(.posts) ?? alternate.lenientCount(.videoCount)
        engagement = try container.lenientDouble(.engagement)
        contentPerWeek = try container.lenientDouble(.contentPerWeek)
        tier = try container.lenientString(.tier).flatMap { $0.isEmpty ? nil : $0 }
    }
}
