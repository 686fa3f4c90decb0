import Foundation
import RefreshAPI

/// Writes answers in the API's own JSON shape (not the client's decoded shape):
/// trends as single-key objects keyed by date, `quaterly_*` spelt as the API spells it,
/// HTTP-dates, `null` where the API sends null.
enum APIJSONWriter {
    /// The whole envelope of a POST or GET answer. `response` is already-written JSON, or nil for `null`.
    static func envelope(
        id: String, target: RefreshTarget, response: String?, code: Int, message: String, requestAt: Date,
        responseAt: Date?
    ) -> String {
        var json = "{\"request_id\":\(quoted(id)),\"request\":{\"request_type\":\(quoted(target.type.rawValue)),"
        json += "\(quoted(target.type.parameterName)):\(quoted(target.value))},\"response\":\(response ?? "null"),"
        json += "\"status\":{\"code\":\(code),\"message\":\(quoted(message)),"
        json += "\"request_at\":\(quoted(HTTPDate.format(requestAt))),"
        json += "\"response_at\":\(responseAt.map { quoted(HTTPDate.format($0)) } ?? "null")}}"
        return json
    }

    /// An error body: `{"message": …}`.
    static func error(_ message: String) -> String {
        "{\"message\":\(quoted(message))}"
    }

    /// The `response` object of a finished refresh.
    static func report(_ report: CreatorReport) -> String {
        var json = "{"
        var fields: [String] = []
        if let trends = report.growthTrends { fields.append("\"growth_trends\":" + growth(trends)) } else {
            fields.append("\"growth_trends\":null")
        }
        if let posts = report.posts {
            fields.append(
                "\"posts\":{\"non_video_posts\":[\(posts.nonVideo.map(post).joined(separator: ","))],"
                    + "\"video_posts\":[\(posts.video.map(post).joined(separator: ","))]}")
        }
        if let details = report.profileDetails { fields.append("\"profile_details\":" + profileDetails(details)) }
        if let overview = report.profileOverview { fields.append("\"profile_overview\":" + profileOverview(overview)) }
        fields.append("\"reach_and_engagement_details\":" + (report.reachAndEngagementDetails.map(value) ?? "null"))
        json += fields.joined(separator: ",")
        return json + "}"
    }

    private static func growth(_ trends: GrowthTrends) -> String {
        func series(_ points: [TrendPoint]) -> String {
            "[" + points.map { "{\(quoted($0.date.description)):{\"followers\":\(number($0.value))}}" }.joined(separator: ",")
                + "]"
        }
        return "{\"engagement_trends\":\(series(trends.engagement)),\"followers_trends\":\(series(trends.followers)),"
            + "\"monthly_engagement_growth\":\(optional(trends.monthlyEngagementGrowth)),"
            + "\"monthly_followers_growth\":\(optional(trends.monthlyFollowersGrowth)),"
            + "\"quaterly_engagement_growth\":\(optional(trends.quarterlyEngagementGrowth)),"
            + "\"quaterly_followers_growth\":\(optional(trends.quarterlyFollowersGrowth)),"
            + "\"yearly_engagement_growth\":\(optional(trends.yearlyEngagementGrowth)),"
            + "\"yearly_followers_growth\":\(optional(trends.yearlyFollowersGrowth))}"
    }

    private static func post(_ post: Post) -> String {
        var json = "{\"caption\":\(quoted(post.caption)),\"comments_count\":\(optional(post.comments)),"
        json += "\"engagement\":\(optional(post.engagement)),\"external_links\":\(list(post.externalLinks)),"
        json += "\"hashtags\":\(list(post.hashtags)),\"likes_count\":\(optional(post.likes)),"
        json += "\"posted_date\":\(post.postedDate.map { quoted($0.description) } ?? "null"),"
        json += "\"raw_image_url\":\(post.imageURL.map(quoted) ?? "null"),"
        json += "\"shortcode\":\(post.shortcode.map(quoted) ?? "null"),\"sponsored\":\(post.sponsored)"
        if let views = post.views { json += ",\"views\":\(views)" }
        return json + "}"
    }

    private static func profileDetails(_ details: ProfileDetails) -> String {
        var fields: [String] = []
        func add(_ key: String, _ text: String?) { if let text { fields.append("\(quoted(key)):\(quoted(text))") } }
        add("biography", details.biography)
        fields.append("\"brand_mentions\":\(list(details.brandMentions))")
        add("category", details.category)
        add("city", details.city)
        add("country", details.country)
        add("email", details.email)
        fields.append("\"external_links\":\(list(details.externalLinks))")
        add("full_name", details.fullName)
        fields.append("\"hashtags\":\(list(details.hashtags))")
        add("ig_category", details.platformCategory)
        fields.append("\"mentions\":\(list(details.mentions))")
        add("mobile", details.mobile)
        add("raw_image_url", details.imageURL)
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func profileOverview(_ overview: ProfileOverview) -> String {
        var fields: [String] = []
        if let channelID = overview.channelID { fields.append("\"channel_id\":\(quoted(channelID))") }
        fields.append("\"content_per_week\":\(optional(overview.contentPerWeek))")
        fields.append("\"engagement\":\(optional(overview.engagement))")
        fields.append("\"followers_count\":\(optional(overview.followers))")
        if let following = overview.following { fields.append("\"following_count\":\(following)") }
        if let handle = overview.handle { fields.append("\"handle\":\(quoted(handle))") }
        if let userID = overview.userID { fields.append("\"ig_user_id\":\(quoted(userID))") }
        if let tier = overview.tier { fields.append("\"influencer_tier\":\(quoted(tier))") }
        fields.append("\"post_count\":\(optional(overview.posts))")
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func value(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .number(let number): self.number(number)
        case .string(let text): quoted(text)
        case .array(let values): "[" + values.map(self.value).joined(separator: ",") + "]"
        case .object(let values):
            "{" + values.keys.sorted().map { "\(quoted($0)):\(self.value(values[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    private static func list(_ texts: [String]) -> String {
        "[" + texts.map(quoted).joined(separator: ",") + "]"
    }

    private static func optional(_ number: Double?) -> String {
        number.map(self.number) ?? "null"
    }

    private static func optional(_ number: Int?) -> String {
        number.map(String.init) ?? "null"
    }

    private static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var json = "\""
        json.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            default:
                if scalar.value < 0x20 {
                    json += String(format: "\\u%04x", scalar.value)
                } else {
                    json.unicodeScalars.append(scalar)
                }
            }
        }
        return json + "\""
    }
}
