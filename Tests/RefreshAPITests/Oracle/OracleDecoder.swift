import Foundation
@testable import RefreshAPI

/// The JSONDecoder-based reading of response bodies that the byte-level reader replaced, kept as the oracle of
/// the differential tests: the same models, by Foundation's decoder.
enum OracleDecoder {
    static func decode(_ body: Data) throws -> RefreshRecord {
        try JSONDecoder().decode(OracleRecord.self, from: body).value
    }
}

struct OracleRecord: Decodable {
    let value: RefreshRecord

    enum CodingKeys: String, CodingKey {
        case requestID = "request_id", request, response, status
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = RefreshRecord(
            requestID: RequestID(try container.decode(LenientString.self, forKey: .requestID).value),
            request: try container.decodeIfPresent(OracleEchoedRequest.self, forKey: .request)?.value,
            response: try container.decodeIfPresent(OracleReport.self, forKey: .response)?.value,
            status: try container.decodeIfPresent(OracleStatus.self, forKey: .status)?.value)
    }
}

struct OracleEchoedRequest: Decodable {
    let value: EchoedRequest

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var parameters: [String: String] = [:]
        var requestType: String?
        for key in container.allKeys {
            guard let value = try? container.decodeIfPresent(LenientString.self, forKey: key)?.value else { continue }
            if key.stringValue == "request_type" { requestType = value } else { parameters[key.stringValue] = value }
        }
        value = EchoedRequest(requestType: requestType, parameters: parameters)
    }
}

struct OracleStatus: Decodable {
    let value: RefreshStatus

    enum CodingKeys: String, CodingKey {
        case code, message, requestAt = "request_at", responseAt = "response_at"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = RefreshStatus(
            code: try container.lenientCount(.code), message: try container.lenientString(.message),
            requestAt: try container.lenientDate(.requestAt), responseAt: try container.lenientDate(.responseAt))
    }
}

struct OracleReport: Decodable {
    let value: CreatorReport

    enum CodingKeys: String, CodingKey {
        case growthTrends = "growth_trends", posts, profileDetails = "profile_details"
        case profileOverview = "profile_overview", reachAndEngagementDetails = "reach_and_engagement_details"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = CreatorReport(
            growthTrends: try container.decodeIfPresent(OracleGrowth.self, forKey: .growthTrends)?.value,
            posts: try container.decodeIfPresent(OraclePosts.self, forKey: .posts)?.value,
            profileDetails: try container.decodeIfPresent(OracleDetails.self, forKey: .profileDetails)?.value,
            profileOverview: try container.decodeIfPresent(OracleOverview.self, forKey: .profileOverview)?.value,
            reachAndEngagementDetails: try container.decodeIfPresent(OracleJSONValue.self, forKey: .reachAndEngagementDetails)?
                .value)
    }
}

struct OracleGrowth: Decodable {
    let value: GrowthTrends

    enum CodingKeys: String, CodingKey {
        case followers = "followers_trends", engagement = "engagement_trends"
        case monthlyFollowersGrowth = "monthly_followers_growth", quarterlyFollowersGrowth = "quarterly_followers_growth"
        case yearlyFollowersGrowth = "yearly_followers_growth", monthlyEngagementGrowth = "monthly_engagement_growth"
        case quarterlyEngagementGrowth = "quarterly_engagement_growth", yearlyEngagementGrowth = "yearly_engagement_growth"
    }

    private enum MisspeltKeys: String, CodingKey {
        case quarterlyFollowersGrowth = "quaterly_followers_growth"
        case quarterlyEngagementGrowth = "quaterly_engagement_growth"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let misspelt = try decoder.container(keyedBy: MisspeltKeys.self)
        value = GrowthTrends(
            followers: try container.decodeIfPresent(OracleTrendSeries.self, forKey: .followers)?.points ?? [],
            engagement: try container.decodeIfPresent(OracleTrendSeries.self, forKey: .engagement)?.points ?? [],
            monthlyFollowersGrowth: try container.lenientDouble(.monthlyFollowersGrowth),
            quarterlyFollowersGrowth: try container.lenientDouble(.quarterlyFollowersGrowth)
                ?? misspelt.lenientDouble(.quarterlyFollowersGrowth),
            yearlyFollowersGrowth: try container.lenientDouble(.yearlyFollowersGrowth),
            monthlyEngagementGrowth: try container.lenientDouble(.monthlyEngagementGrowth),
            quarterlyEngagementGrowth: try container.lenientDouble(.quarterlyEngagementGrowth)
                ?? misspelt.lenientDouble(.quarterlyEngagementGrowth),
            yearlyEngagementGrowth: try container.lenientDouble(.yearlyEngagementGrowth))
    }
}

struct OracleTrendSeries: Decodable {
    let points: [TrendPoint]

    init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        var points: [TrendPoint] = []
        while !list.isAtEnd {
            if try list.decodeNil() { continue }
            let entry = try list.nestedContainer(keyedBy: AnyCodingKey.self)
            for key in entry.allKeys {
                guard let date = CalendarDate(parsing: key.stringValue) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: entry, debugDescription: "'\(key.stringValue)' is not a YYYY-MM-DD date")
                }
                guard let value = try Self.innerValue(in: entry, key: key) else { continue }
                points.append(TrendPoint(date: date, value: value))
            }
        }
        if !points.isSorted(by: { $0.date <= $1.date }) {
            points.sort { $0.date < $1.date }
        }
        self.points = points
    }

    private static func innerValue(in entry: KeyedDecodingContainer<AnyCodingKey>, key: AnyCodingKey) throws -> Double? {
        if try entry.decodeNil(forKey: key) { return nil }
        if let inner = try? entry.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key) {
            guard let innerKey = inner.allKeys.first else { return nil }
            return try inner.decodeIfPresent(LenientNumber.self, forKey: innerKey)?.value
        }
        return try entry.decode(LenientNumber.self, forKey: key).value
    }
}

struct OraclePosts: Decodable {
    let value: Posts

    enum CodingKeys: String, CodingKey {
        case video = "video_posts", nonVideo = "non_video_posts"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = Posts(
            video: try container.decodeIfPresent([OraclePost].self, forKey: .video)?.map(\.value) ?? [],
            nonVideo: try container.decodeIfPresent([OraclePost].self, forKey: .nonVideo)?.map(\.value) ?? [])
    }
}

struct OraclePost: Decodable {
    let value: Post

    private enum Keys {
        static let shortcode = AnyCodingKey("shortcode"), videoID = AnyCodingKey("video_id")
        static let postedDate = AnyCodingKey("posted_date"), caption = AnyCodingKey("caption")
        static let title = AnyCodingKey("title"), likes = AnyCodingKey("likes_count")
        static let comments = AnyCodingKey("comments_count"), views = AnyCodingKey("views")
        static let viewsCount = AnyCodingKey("views_count"), engagement = AnyCodingKey("engagement")
        static let sponsored = AnyCodingKey("sponsored"), hashtags = AnyCodingKey("hashtags")
        static let externalLinks = AnyCodingKey("external_links"), imageURL = AnyCodingKey("raw_image_url")
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        value = Post(
            shortcode: try container.lenientString(Keys.shortcode) ?? container.lenientString(Keys.videoID),
            postedDate: try container.lenientString(Keys.postedDate).flatMap { CalendarDate(parsing: $0) },
            caption: try container.lenientString(Keys.caption) ?? container.lenientString(Keys.title) ?? "",
            likes: try container.lenientCount(Keys.likes), comments: try container.lenientCount(Keys.comments),
            views: try container.lenientCount(Keys.views) ?? container.lenientCount(Keys.viewsCount),
            engagement: try container.lenientDouble(Keys.engagement),
            sponsored: try container.lenientBool(Keys.sponsored) ?? false,
            hashtags: try container.lenientStrings(Keys.hashtags),
            externalLinks: try container.lenientStrings(Keys.externalLinks),
            imageURL: try container.lenientString(Keys.imageURL))
    }
}

struct OracleDetails: Decodable {
    let value: ProfileDetails

    enum CodingKeys: String, CodingKey {
        case fullName = "full_name", biography, category, platformCategory = "ig_category", city, country, email, mobile
        case externalLinks = "external_links", hashtags, mentions, brandMentions = "brand_mentions"
        case imageURL = "raw_image_url"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = ProfileDetails(
            fullName: try container.lenientString(.fullName), biography: try container.lenientString(.biography),
            category: try container.lenientString(.category),
            platformCategory: try container.lenientString(.platformCategory), city: try container.lenientString(.city),
            country: try container.lenientString(.country), email: try container.lenientString(.email),
            mobile: try container.lenientString(.mobile), externalLinks: try container.lenientStrings(.externalLinks),
            hashtags: try container.lenientStrings(.hashtags), mentions: try container.lenientStrings(.mentions),
            brandMentions: try container.lenientStrings(.brandMentions), imageURL: try container.lenientString(.imageURL))
    }
}

struct OracleOverview: Decodable {
    let value: ProfileOverview

    enum CodingKeys: String, CodingKey {
        case handle, userID = "ig_user_id", channelID = "channel_id", followers = "followers_count"
        case following = "following_count", posts = "post_count", engagement, contentPerWeek = "content_per_week"
        case tier = "influencer_tier"
    }

    private enum AlternateKeys: String, CodingKey {
        case subscribers = "subscribers_count", videoCount = "video_count"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let alternate = try decoder.container(keyedBy: AlternateKeys.self)
        value = ProfileOverview(
            handle: try container.lenientString(.handle), userID: try container.lenientString(.userID),
            channelID: try container.lenientString(.channelID),
            followers: try container.lenientCount(.followers) ?? alternate.lenientCount(.subscribers),
            following: try container.lenientCount(.following),
            posts: try container.lenientCount(.posts) ?? alternate.lenientCount(.videoCount),
            engagement: try container.lenientDouble(.engagement),
            contentPerWeek: try container.lenientDouble(.contentPerWeek),
            tier: try container.lenientString(.tier).flatMap { $0.isEmpty ? nil : $0 })
    }
}

struct OracleJSONValue: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var values: [String: JSONValue] = [:]
            for key in object.allKeys { values[key.stringValue] = try object.decode(OracleJSONValue.self, forKey: key).value }
            value = .object(values)
            return
        }
        if var list = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !list.isAtEnd { values.append(try list.decode(OracleJSONValue.self).value) }
            value = .array(values)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let flag = try? single.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? single.decode(Double.self) {
            value = .number(number)
        } else {
            value = .string(try single.decode(String.self))
        }
    }
}
