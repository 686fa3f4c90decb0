/// One post of a creator, video or not.
public struct Post: Hashable, Sendable, Codable {
    public var shortcode: String?
    public var postedDate: CalendarDate?
    public var caption: String
    public var likes: Int?
    public var comments: Int?
    public var views: Int?
    /// Engagement rate of the post, in percent.
    public var engagement: Double?
    public var sponsored: Bool
    public var hashtags: [String]
    public var externalLinks: [String]
    public var imageURL: String?

    public init(
        shortcode: String? = nil, postedDate: CalendarDate? = nil, caption: String = "", likes: Int? = nil,
        comments: Int? = nil, views: Int? = nil, engagement: Double? = nil, sponsored: Bool = false,
        hashtags: [String] = [], externalLinks: [String] = [], imageURL: String? = nil
    ) {
        self.shortcode = shortcode
        self.postedDate = postedDate
        self.caption = caption
        self.likes = likes
        self.comments = comments
        self.views = views
        self.engagement = engagement
        self.sponsored = sponsored
        self.hashtags = hashtags
        self.externalLinks = externalLinks
        self.imageURL = imageURL
    }

    enum CodingKeys: String, CodingKey {
        case shortcode
        case postedDate = "posted_date"
        case caption
        case likes = "likes_count"
        case comments = "comments_count"
        case views
        case engagement
        case sponsored
        case hashtags
        case externalLinks = "external_links"
        case imageURL = "raw_image_url"
    }

    /// Every key a post is read from, the documented ones and the alternatives
    /// tolerated; one container serves all of them, which keeps decoding cheap.
    private enum Keys {
        static let shortcode = AnyCodingKey("shortcode")
        static let videoID = AnyCodingKey("video_id")
        static let postedDate = AnyCodingKey("posted_date")
        static let caption = AnyCodingKey("caption")
        static let title = AnyCodingKey("title")
        static let likes = AnyCodingKey("likes_count")
        static let comments = AnyCodingKey("comments_count")
        static let views = AnyCodingKey("views")
        static let viewsCount = AnyCodingKey("views_count")
        static let engagement = AnyCodingKey("engagement")
        static let sponsored = AnyCodingKey("sponsored")
        static let hashtags = AnyCodingKey("hashtags")
        static let externalLinks = AnyCodingKey("external_links")
        static let imageURL = AnyCodingKey("raw_image_url")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        shortcode = try container.lenientString(Keys.shortcode) ?? container.lenientString(Keys.videoID)
        postedDate = try container.lenientString(Keys.postedDate).flatMap { CalendarDate(parsing: $0) }
        caption = try container.lenientString(Keys.caption) ?? container.lenientString(Keys.title) ?? ""
        likes = try container.lenientCount(Keys.likes)
        comments = try container.lenientCount(Keys.comments)
        views = try container.lenientCount(Keys.views) ?? container.lenientCount(Keys.viewsCount)
        engagement = try container.lenientDouble(Keys.engagement)
        sponsored = try container.lenientBool(Keys.sponsored) ?? false
        hashtags = try container.lenientStrings(Keys.hashtags)
        externalLinks = try container.lenientStrings(Keys.externalLinks)
        imageURL = try container.lenientString(Keys.imageURL)
    }
}

/// A creator's posts, split as the API splits them.
public struct Posts: Hashable, Sendable, Codable {
    public var video: [Post]
    public var nonVideo: [Post]

    public init(video: [Post] = [], nonVideo: [Post] = []) {
        self.video = video
        self.nonVideo = nonVideo
    }

    enum CodingKeys: String, CodingKey {
        case video = "video_posts"
        case nonVideo = "non_video_posts"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        video = try container.decodeIfPresent([Post].self, forKey: .video) ?? []
        nonVideo = try container.decodeIfPresent([Post].self, forKey: .nonVideo) ?? []
    }

    /// Every post, videos first.
    public var all: [Post] { video + nonVideo }
}
