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

    private enum AlternateKeys: String, CodingKey {
        case videoID = "video_id"
        case viewsCount = "views_count"
        case title
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let alternate = try decoder.container(keyedBy: AlternateKeys.self)
        shortcode = try container.lenientString(.shortcode) ?? alternate.lenientString(.videoID)
        postedDate = try container.lenientString(.postedDate).flatMap { CalendarDate(parsing: $0) }
        caption = try container.lenientString(.caption) ?? alternate.lenientString(.title) ?? ""
        likes = try container.lenientCount(.likes)
        comments = try container.lenientCount(.comments)
        views = try container.lenientCount(.views) ?? alternate.lenientCount(.viewsCount)
        engagement = try container.lenientDouble(.engagement)
        sponsored = try container.lenientBool(.sponsored) ?? false
        hashtags = try container.lenientStrings(.hashtags)
        externalLinks = try container.lenientStrings(.externalLinks)
        imageURL = try container.lenientString(.imageURL)
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
