/// Follower and engagement trends and the growth figures that summarise them.
/// Growth figures are percentages as the API sends them (0.07 means +0.07 %).
public struct GrowthTrends: Hashable, Sendable, Codable {
    public var followers: [TrendPoint]
    public var engagement: [TrendPoint]
    public var monthlyFollowersGrowth: Double?
    public var quarterlyFollowersGrowth: Double?
    public var yearlyFollowersGrowth: Double?
    public var monthlyEngagementGrowth: Double?
    public var quarterlyEngagementGrowth: Double?
    public var yearlyEngagementGrowth: Double?

    public init(
        followers: [TrendPoint] = [], engagement: [TrendPoint] = [],
        monthlyFollowersGrowth: Double? = nil, quarterlyFollowersGrowth: Double? = nil,
        yearlyFollowersGrowth: Double? = nil, monthlyEngagementGrowth: Double? = nil,
        quarterlyEngagementGrowth: Double? = nil, yearlyEngagementGrowth: Double? = nil
    ) {
        self.followers = followers
        self.engagement = engagement
        self.monthlyFollowersGrowth = monthlyFollowersGrowth
        self.quarterlyFollowersGrowth = quarterlyFollowersGrowth
        self.yearlyFollowersGrowth = yearlyFollowersGrowth
        self.monthlyEngagementGrowth = monthlyEngagementGrowth
        self.quarterlyEngagementGrowth = quarterlyEngagementGrowth
        self.yearlyEngagementGrowth = yearlyEngagementGrowth
    }

    enum CodingKeys: String, CodingKey {
        case followers = "followers_trends"
        case engagement = "engagement_trends"
        case monthlyFollowersGrowth = "monthly_followers_growth"
        case quarterlyFollowersGrowth = "quarterly_followers_growth"
        case yearlyFollowersGrowth = "yearly_followers_growth"
        case monthlyEngagementGrowth = "monthly_engagement_growth"
        case quarterlyEngagementGrowth = "quarterly_engagement_growth"
        case yearlyEngagementGrowth = "yearly_engagement_growth"
    }

    /// The API's own spelling (sic) of the quarterly keys.
    private enum MisspeltKeys: String, CodingKey {
        case quarterlyFollowersGrowth = "quaterly_followers_growth"
        case quarterlyEngagementGrowth = "quaterly_engagement_growth"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let misspelt = try decoder.container(keyedBy: MisspeltKeys.self)
        followers = try container.decodeIfPresent(TrendSeries.self, forKey: .followers)?.points ?? []
        engagement = try container.decodeIfPresent(TrendSeries.self, forKey: .engagement)?.points ?? []
        monthlyFollowersGrowth = try container.lenientDouble(.monthlyFollowersGrowth)
        quarterlyFollowersGrowth =
            try container.lenientDouble(.quarterlyFollowersGrowth)
            ?? misspelt.lenientDouble(.quarterlyFollowersGrowth)
        yearlyFollowersGrowth = try container.lenientDouble(.yearlyFollowersGrowth)
        monthlyEngagementGrowth = try container.lenientDouble(.monthlyEngagementGrowth)
        quarterlyEngagementGrowth =
            try container.lenientDouble(.quarterlyEngagementGrowth)
            ?? misspelt.lenientDouble(.quarterlyEngagementGrowth)
        yearlyEngagementGrowth = try container.lenientDouble(.yearlyEngagementGrowth)
    }
}
