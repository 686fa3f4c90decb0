/// Follower and engagement trends and the growth figures that summarise them.
/// Growth figures are percentages as the API sends them (0.07 means +0.07 %).
public struct GrowthTrends: Hashable, Sendable, Encodable {
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

    /// Reads the `growth_trends` object. The quarterly figures are read under the API's own spelling
    /// (`quaterly_…`, sic) too, when the correct spelling is absent.
    static func read(_ reader: inout JSONReader) throws(ResponseUnreadable) -> GrowthTrends {
        var trends = GrowthTrends()
        var misspeltFollowers: Result<Double?, ResponseUnreadable> = .success(nil)
        var misspeltEngagement: Result<Double?, ResponseUnreadable> = .success(nil)
        try reader.readObject { reader, key throws(ResponseUnreadable) in
            switch key {
            case "followers_trends": trends.followers = try reader.optional(TrendSeries.read) ?? []
            case "engagement_trends": trends.engagement = try reader.optional(TrendSeries.read) ?? []
            case "monthly_followers_growth": trends.monthlyFollowersGrowth = try reader.lenientDouble()
            case "quarterly_followers_growth": trends.quarterlyFollowersGrowth = try reader.lenientDouble()
            case "quaterly_followers_growth":
                misspeltFollowers = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientDouble() }
            case "yearly_followers_growth": trends.yearlyFollowersGrowth = try reader.lenientDouble()
            case "monthly_engagement_growth": trends.monthlyEngagementGrowth = try reader.lenientDouble()
            case "quarterly_engagement_growth": trends.quarterlyEngagementGrowth = try reader.lenientDouble()
            case "quaterly_engagement_growth":
                misspeltEngagement = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientDouble() }
            case "yearly_engagement_growth": trends.yearlyEngagementGrowth = try reader.lenientDouble()
            default: try reader.skipValue()
            }
        }
        if trends.quarterlyFollowersGrowth == nil { trends.quarterlyFollowersGrowth = try misspeltFollowers.get() }
        if trends.quarterlyEngagementGrowth == nil { trends.quarterlyEngagementGrowth = try misspeltEngagement.get() }
        return trends
    }
}
