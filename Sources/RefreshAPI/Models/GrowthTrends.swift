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
    /// The keys growth trends are read from, with the API's misspelling of "quarterly".
    private enum Field: String, CaseIterable {
        case followers = "followers_trends", engagement = "engagement_trends"
        case monthlyFollowers = "monthly_followers_growth", quarterlyFollowers = "quarterly_followers_growth"
        case misspeltFollowers = "quaterly_followers_growth", yearlyFollowers = "yearly_followers_growth"
        case monthlyEngagement = "monthly_engagement_growth", quarterlyEngagement = "quarterly_engagement_growth"
        case misspeltEngagement = "quaterly_engagement_growth", yearlyEngagement = "yearly_engagement_growth"
    }
    private static let fields = JSONFields<Field>()

    static func read(_ reader: inout JSONReader) throws(ResponseUnreadable) -> GrowthTrends {
        var trends = GrowthTrends()
        var misspeltFollowers: Result<Double?, ResponseUnreadable> = .success(nil)
        var misspeltEngagement: Result<Double?, ResponseUnreadable> = .success(nil)
        try reader.readFields(of: fields) { reader, field throws(ResponseUnreadable) in
            switch field {
            case .followers: trends.followers = try reader.optional(TrendSeries.read) ?? []
            case .engagement: trends.engagement = try reader.optional(TrendSeries.read) ?? []
            case .monthlyFollowers: trends.monthlyFollowersGrowth = try reader.lenientDouble()
            case .quarterlyFollowers: trends.quarterlyFollowersGrowth = try reader.lenientDouble()
            case .misspeltFollowers:
                misspeltFollowers = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientDouble() }
            case .yearlyFollowers: trends.yearlyFollowersGrowth = try reader.lenientDouble()
            case .monthlyEngagement: trends.monthlyEngagementGrowth = try reader.lenientDouble()
            case .quarterlyEngagement: trends.quarterlyEngagementGrowth = try reader.lenientDouble()
            case .misspeltEngagement:
                misspeltEngagement = try reader.deferred { reader throws(ResponseUnreadable) in try reader.lenientDouble() }
            case .yearlyEngagement: trends.yearlyEngagementGrowth = try reader.lenientDouble()
            }
        }
        if trends.quarterlyFollowersGrowth == nil { trends.quarterlyFollowersGrowth = try misspeltFollowers.get() }
        if trends.quarterlyEngagementGrowth == nil { trends.quarterlyEngagementGrowth = try misspeltEngagement.get() }
        return trends
    }
}
