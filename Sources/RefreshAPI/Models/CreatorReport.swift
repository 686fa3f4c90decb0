/// Everything a finished refresh says about a creator. Every section may be absent.
public struct CreatorReport: Hashable, Sendable, Encodable {
    public var growthTrends: GrowthTrends?
    public var posts: Posts?
    public var profileDetails: ProfileDetails?
    public var profileOverview: ProfileOverview?
    /// Kept as sent: its shape is undocumented.
    public var reachAndEngagementDetails: JSONValue?

    public init(
        growthTrends: GrowthTrends? = nil, posts: Posts? = nil, profileDetails: ProfileDetails? = nil,
        profileOverview: ProfileOverview? = nil, reachAndEngagementDetails: JSONValue? = nil
    ) {
        self.growthTrends = growthTrends
        self.posts = posts
        self.profileDetails = profileDetails
        self.profileOverview = profileOverview
        self.reachAndEngagementDetails = reachAndEngagementDetails
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case growthTrends = "growth_trends"
        case posts
        case profileDetails = "profile_details"
        case profileOverview = "profile_overview"
        case reachAndEngagementDetails = "reach_and_engagement_details"
    }

    /// The keys it is read from.
    private static let fields = JSONFields<CodingKeys>()

    /// Reads the `response` object; every section may be absent or null.
    static func read(_ reader: inout JSONReader, parts: RefreshRecordDecoder.Parts) throws(ResponseUnreadable)
        -> CreatorReport
    {
        var report = CreatorReport()
        try reader.readFields(of: fields) { reader, field throws(ResponseUnreadable) in
            switch field {
            case .growthTrends: report.growthTrends = try reader.optional(GrowthTrends.read)
            case .posts where parts == .withoutPosts: try reader.skipValue()
            case .posts:
                report.posts = try reader.optional { reader throws(ResponseUnreadable) in
                    try Posts.read(&reader, keepingText: parts != .postFigures)
                }
            case .profileDetails: report.profileDetails = try reader.optional(ProfileDetails.read)
            case .profileOverview: report.profileOverview = try reader.optional(ProfileOverview.read)
            case .reachAndEngagementDetails: report.reachAndEngagementDetails = try reader.optional(JSONValue.read)
            }
        }
        return report
    }
}
