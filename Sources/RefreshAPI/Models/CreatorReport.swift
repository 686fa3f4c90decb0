/// Everything a finished refresh says about a creator. Every section may be absent.
public struct CreatorReport: Hashable, Sendable, Codable {
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

    enum CodingKeys: String, CodingKey {
        case growthTrends = "growth_trends"
        case posts
        case profileDetails = "profile_details"
        case profileOverview = "profile_overview"
        case reachAndEngagementDetails = "reach_and_engagement_details"
    }
}
