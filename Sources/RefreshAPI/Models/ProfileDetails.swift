/// Who the creator is: biography, location, contact and the links and tags they use.
public struct ProfileDetails: Hashable, Sendable, Encodable {
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

    /// Reads the `profile_details` object.
    /// The keys profile details are read from.
    private enum Field: String, CaseIterable {
        case biography, category, city, country, email, mobile, hashtags, mentions
        case fullName = "full_name", platformCategory = "ig_category", externalLinks = "external_links"
        case brandMentions = "brand_mentions", imageURL = "raw_image_url"
    }
    private static let fields = JSONFields<Field>()

    static func read(_ reader: inout JSONReader) throws(ResponseUnreadable) -> ProfileDetails {
        var details = ProfileDetails()
        try reader.readFields(of: fields) { reader, field throws(ResponseUnreadable) in
            switch field {
            case .fullName: details.fullName = try reader.lenientString()
            case .biography: details.biography = try reader.lenientString()
            case .category: details.category = try reader.lenientString()
            case .platformCategory: details.platformCategory = try reader.lenientString()
            case .city: details.city = try reader.lenientString()
            case .country: details.country = try reader.lenientString()
            case .email: details.email = try reader.lenientString()
            case .mobile: details.mobile = try reader.lenientString()
            case .externalLinks: details.externalLinks = try reader.lenientStrings()
            case .hashtags: details.hashtags = try reader.lenientStrings()
            case .mentions: details.mentions = try reader.lenientStrings()
            case .brandMentions: details.brandMentions = try reader.lenientStrings()
            case .imageURL: details.imageURL = try reader.lenientString()
            }
        }
        return details
    }
}
