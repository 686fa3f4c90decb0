/// Who the creator is: biography, location, contact and the links and tags they use.
public struct ProfileDetails: Hashable, Sendable, Codable {
    public var fullName: String?
    public var biography: String?
    public var category: String?
    public var platformCategory: String?
    public var city: String?
    public var country: String?
    public var email: String?
    public var mobile: String?
    public var externalLinks: [String]
    public var hashtags: [String]
    public var mentions: [String]
    public var brandMentions: [String]
    public var imageURL: String?

    public init(
        fullName: String? = nil, biography: String? = nil, category: String? = nil,
        platformCategory: String? = nil, city: String? = nil, country: String? = nil, email: String? = nil,
        mobile: String? = nil, externalLinks: [String] = [], hashtags: [String] = [], mentions: [String] = [],
        brandMentions: [String] = [], imageURL: String? = nil
    ) {
        self.fullName = fullName
        self.biography = biography
        self.category = category
        self.platformCategory = platformCategory
        self.city = city
        self.country = country
        self.email = email
        self.mobile = mobile
        self.externalLinks = externalLinks
        self.hashtags = hashtags
        self.mentions = mentions
        self.brandMentions = brandMentions
        self.imageURL = imageURL
    }

    enum CodingKeys: String, CodingKey {
        case fullName = "full_name"
        case biography
        case category
        case platformCategory = "ig_category"
        case city
        case country
        case email
        case mobile
        case externalLinks = "external_links"
        case hashtags
        case mentions
        case brandMentions = "brand_mentions"
        case imageURL = "raw_image_url"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fullName = try container.lenientString(.fullName)
        biography = try container.lenientString(.biography)
        category = try container.lenientString(.category)
        platformCategory = try container.lenientString(.platformCategory)
        city = try container.lenientString(.city)
        country = try container.lenientString(.country)
        email = try container.lenientString(.email)
        mobile = try container.lenientString(.mobile)
        externalLinks = try container.lenientStrings(.externalLinks)
        hashtags = try container.lenientStrings(.hashtags)
        mentions = try container.lenientStrings(.mentions)
        brandMentions = try container.lenientStrings(.brandMentions)
        imageURL = try container.lenientString(.imageURL)
    }
}
