/// One post of a creator, video or not.
public struct Post: Hashable, Sendable, Encodable {
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

    /// The keys a post is read from.
    private enum Field: String, CaseIterable {
        case shortcode, caption, engagement, sponsored, hashtags, views, title
        case videoID = "video_id", postedDate = "posted_date", likes = "likes_count", comments = "comments_count"
        case viewsCount = "views_count", externalLinks = "external_links", imageURL = "raw_image_url"
    }
    private static let fields = JSONFields<Field>()

    /// Reads a post, its documented keys and the alternatives tolerated (`video_id`, `title`, `views_count`),
    /// an alternative only when the documented key is absent.
    /// It is read into `post`, a new one in its list, so that no post is copied. Without `keepingText`, its
    /// caption, hashtags, links and image address are checked but left empty.
    static func read(_ reader: inout JSONReader, into post: inout Post, keepingText: Bool) throws(ResponseUnreadable) {
        var caption: String?
        var videoID: Result<String?, ResponseUnreadable> = .success(nil)
        var title: Result<String?, ResponseUnreadable> = .success(nil)
        var viewsCount: Result<Int?, ResponseUnreadable> = .success(nil)
        var object = try reader.beginObject()
        while let field = try reader.nextField(in: &object, of: fields) {
            switch field {
            case .shortcode: post.shortcode = try reader.lenientString()
            case .videoID: videoID = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientString() }
            case .postedDate: post.postedDate = try reader.lenientCalendarDate()
            case .caption: caption = try reader.lenientText(keeping: keepingText)
            case .title:
                title = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientText(keeping: keepingText) }
            case .likes: post.likes = try reader.lenientCount()
            case .comments: post.comments = try reader.lenientCount()
            case .views: post.views = try reader.lenientCount()
            case .viewsCount: viewsCount = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientCount() }
            case .engagement: post.engagement = try reader.lenientDouble()
            case .sponsored: post.sponsored = try reader.lenientBool() ?? false
            case .hashtags: post.hashtags = try reader.lenientStrings(keeping: keepingText)
            case .externalLinks: post.externalLinks = try reader.lenientStrings(keeping: keepingText)
            case .imageURL: post.imageURL = try reader.lenientText(keeping: keepingText)
            }
        }
        if post.shortcode == nil { post.shortcode = try videoID.get() }
        if let caption {
            post.caption = caption
        } else {
            post.caption = try title.get() ?? ""
        }
        if post.views == nil { post.views = try viewsCount.get() }
    }

    /// A list of posts; a null in it is an error, as a post must be an object.
    static func readList(_ reader: inout JSONReader, keepingText: Bool) throws(ResponseUnreadable) -> [Post] {
        var posts: [Post] = []
        var list = try reader.beginList()
        while try reader.nextElement(in: &list) {
            posts.append(Post())
            try Post.read(&reader, into: &posts[posts.count - 1], keepingText: keepingText)
        }
        return posts
    }
}

/// A creator's posts, split as the API splits them.
public struct Posts: Hashable, Sendable, Encodable {
    public var video: [Post]
    public var nonVideo: [Post]

    public init(video: [Post] = [], nonVideo: [Post] = []) {
        self.video = video
        self.nonVideo = nonVideo
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case video = "video_posts"
        case nonVideo = "non_video_posts"
    }

    private static let fields = JSONFields<CodingKeys>()

    /// Reads the `posts` object: videos and other posts, each a list (null is none); without `keepingText`,
    /// the posts' text is checked but left empty.
    static func read(_ reader: inout JSONReader, keepingText: Bool) throws(ResponseUnreadable) -> Posts {
        var posts = Posts()
        let list = { (reader: inout JSONReader) throws(ResponseUnreadable) -> [Post] in
            try Post.readList(&reader, keepingText: keepingText)
        }
        try reader.readFields(of: fields) { reader, field throws(ResponseUnreadable) in
            switch field {
            case .video: posts.video = try reader.optional(list) ?? []
            case .nonVideo: posts.nonVideo = try reader.optional(list) ?? []
            }
        }
        return posts
    }

    /// Every post, videos first.
    public var all: [Post] { video + nonVideo }
}
