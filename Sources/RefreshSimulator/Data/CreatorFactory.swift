import Foundation
import RefreshAPI

/// Builds the synthetic, deterministic answer to a refresh: the same target gives
/// the same creator (figures, posts, captions) on every run and machine; only the
/// dates move with the anchor day.
///
/// Followers spread over every tier; the tier field matches the followers; 60 to 120
/// irregularly spaced trend points span a little over a year and end at the current
/// figures; the growth figures are computed from those trends; engagement is typical
/// for the tier, per platform (Instagram per follower, YouTube per view); 12 to 300
/// posts whose `sponsored` flag matches their caption.
public struct CreatorFactory: Sendable {
    /// The day the trends and posts end on.
    public let anchor: CalendarDate
    /// When set, every creator has exactly this many posts (an oversized response).
    public let postCount: Int?
    /// Whether figures move with the day and between refreshes (``CreatorDrift``); else a creator's figures are
    /// the same on every refresh.
    public let drifts: Bool

    public init(anchor: CalendarDate, postCount: Int? = nil, drifts: Bool = false) {
        self.anchor = anchor
        self.postCount = postCount
        self.drifts = drifts
    }

    /// The whole GET answer of a finished refresh of `target`, as the simulator sends it.
    public func finishedBody(requestID: String, target: RefreshTarget, requestedAt: Date) -> Data {
        Data(
            APIJSONWriter.envelope(
                id: requestID, target: target, response: APIJSONWriter.report(report(for: target)), code: 200,
                message: "success", requestAt: requestedAt, responseAt: requestedAt.addingTimeInterval(10)
            ).utf8)
    }

    /// The report for a target; `refresh` counts the refreshes of it before this one, which only a drifting
    /// factory tells apart.
    public func report(for target: RefreshTarget, refresh: Int = 0) -> CreatorReport {
        let seed = "\(target.type.platform.rawValue):\(target.value.lowercased())"
        var random = SeededGenerator(text: seed)
        let creator = CreatorTraits(platform: target.type.platform, random: &random)
        switch target.type {
        case .instagram, .instagramID, .youtube:
            let drift =
                drifts
                ? CreatorDrift(
                    seed: seed, traits: creator, refresh: refresh,
                    isFalling: target.value.lowercased().hasPrefix("falling_")) : nil
            return fullReport(creator, target: target, drift: drift, random: &random)
        case .instagramPost, .youtubePost:
            return singlePostReport(creator, target: target, random: &random)
        }
    }

    private func fullReport(
        _ creator: CreatorTraits, target: RefreshTarget, drift: CreatorDrift?, random: inout SeededGenerator
    ) -> CreatorReport {
        var followers = trendSeries(end: Double(creator.followers), yearlyChange: creator.yearlyGrowth, random: &random)
        var engagement = trendSeries(end: creator.engagement, yearlyChange: creator.engagementDrift, random: &random)
            .map { TrendPoint(date: $0.date, value: ($0.value * 100).rounded() / 100) }
        var overview = creator.overview
        if let drift {
            let days = drift.trendDays(endingOn: anchor)
            followers = days.map { TrendPoint(date: $0, value: drift.followers(on: $0)) }
            engagement = days.map { TrendPoint(date: $0, value: drift.engagement(on: $0)) }
            overview.followers = Int(drift.followers(on: anchor))
            overview.engagement = drift.engagement(on: anchor)
            overview.tier = InfluencerTier(followers: overview.followers ?? 0).rawValue
        }
        let count = postCount ?? random.int(in: 12...300)
        let posts = (0..<count).map { post(number: $0, of: creator, random: &random) }
        let trends = GrowthTrends(
            followers: followers, engagement: engagement,
            monthlyFollowersGrowth: change(followers, days: 30), quarterlyFollowersGrowth: change(followers, days: 91),
            yearlyFollowersGrowth: change(followers, days: 365), monthlyEngagementGrowth: change(engagement, days: 30),
            quarterlyEngagementGrowth: change(engagement, days: 91), yearlyEngagementGrowth: change(engagement, days: 365))
        if target.type == .instagramID { overview.userID = target.value }
        if target.type == .youtube { overview.channelID = target.value }
        if target.type == .instagram { overview.handle = target.value }
        overview.posts = max(count, overview.posts ?? count)
        return CreatorReport(
            growthTrends: trends,
            posts: Posts(video: posts.filter { $0.views != nil }, nonVideo: posts.filter { $0.views == nil }),
            profileDetails: creator.details,
            profileOverview: overview,
            reachAndEngagementDetails: creator.reach)
    }

    private func singlePostReport(_ creator: CreatorTraits, target: RefreshTarget, random: inout SeededGenerator)
        -> CreatorReport
    {
        var single = post(number: random.int(in: 0...30), of: creator, random: &random)
        single.shortcode = target.value
        if target.type == .youtubePost, single.views == nil {
            single.views = Int(Double(creator.followers) * random.double(in: 0.2...1.5))
        }
        let posts = single.views != nil ? Posts(video: [single]) : Posts(nonVideo: [single])
        return CreatorReport(
            posts: posts, profileDetails: ProfileDetails(fullName: creator.details.fullName),
            profileOverview: creator.overview)
    }

    /// 60 to 120 points, irregularly spaced over about 400 days before the anchor, ending at `end`.
    private func trendSeries(end: Double, yearlyChange: Double, random: inout SeededGenerator) -> [TrendPoint] {
        let count = random.int(in: 60...120)
        let averageGap = 400.0 / Double(count)
        var offsets: [Int] = [0]
        while offsets.count < count {
            offsets.append(offsets.last! + max(1, Int((averageGap * random.double(in: 0.3...1.7)).rounded())))
        }
        let span = Double(offsets.last!)
        let start = end / (1 + yearlyChange * span / 365)
        let anchorDay = anchor.daysSinceEpoch
        return offsets.reversed().enumerated().map { index, offset in
            let progress = 1 - Double(offset) / span
            let trend = start + (end - start) * progress
            let wobble = index == count - 1 ? 1 : random.double(in: 0.985...1.015)
            let value = max(0, trend * wobble)
            return TrendPoint(date: CalendarDate(daysSinceEpoch: anchorDay - offset), value: end > 100 ? value.rounded() : value)
        }
    }

    /// The change in percent between the point nearest `days` before the last and the last.
    private func change(_ series: [TrendPoint], days: Int) -> Double? {
        guard let last = series.last else { return nil }
        let target = last.date.daysSinceEpoch - days
        guard let then = series.min(by: { abs($0.date.daysSinceEpoch - target) < abs($1.date.daysSinceEpoch - target) }),
            then.value != 0
        else { return nil }
        return ((last.value - then.value) / then.value * 10_000).rounded() / 100
    }

    private func post(number: Int, of creator: CreatorTraits, random: inout SeededGenerator) -> Post {
        let daysBack = Int((Double(number) * 7 / creator.contentPerWeek * random.double(in: 0.7...1.3)).rounded())
        let isVideo = creator.platform == .youtube || random.chance(0.4)
        let reach = Double(creator.followers)
        let views = isVideo ? Int(reach * random.logUniform(0.08, 1.6)) : nil
        let rate = creator.engagement / 100 * random.logUniform(0.4, 2.5)
        let base = creator.platform == .youtube ? Double(views ?? 0) : reach
        let interactions = max(1, Int(base * rate))
        let comments = max(0, Int(Double(interactions) * random.double(in: 0.02...0.08)))
        let likes = interactions - comments
        let engagement = base > 0 ? (Double(likes + comments) / base * 10_000).rounded() / 100 : 0
        let caption = Caption(creator: creator, number: number, random: &random)
        return Post(
            shortcode: creator.platform == .youtube ? VideoID.make(&random) : Shortcode.make(&random),
            postedDate: CalendarDate(daysSinceEpoch: anchor.daysSinceEpoch - daysBack),
            caption: caption.text, likes: likes, comments: comments, views: views, engagement: engagement,
            sponsored: caption.isSponsored, hashtags: caption.hashtags, externalLinks: caption.links,
            imageURL: "https://cdn.example.com/\(creator.handle)/\(number).jpg")
    }
}

/// What a synthetic creator is like, drawn once from the target's seed.
struct CreatorTraits {
    let platform: Platform
    let handle: String
    let followers: Int
    let engagement: Double
    let contentPerWeek: Double
    let yearlyGrowth: Double
    let engagementDrift: Double
    let category: (category: String, platformCategory: String, tags: [String])
    let overview: ProfileOverview
    let details: ProfileDetails
    let reach: JSONValue?

    /// Share of creators per tier, and the engagement range typical of each (percent).
    private static let tiers: [(tier: InfluencerTier, share: Double, instagram: ClosedRange<Double>)] = [
        (.early, 0.10, 5...10), (.nano, 0.20, 3...6), (.micro, 0.25, 1.5...3.5), (.lowerMid, 0.12, 1.2...2.5),
        (.upperMid, 0.10, 1...2), (.macro, 0.10, 0.8...1.8), (.mega, 0.08, 0.6...1.4), (.celebrity, 0.05, 0.4...1.2),
    ]

    init(platform: Platform, random: inout SeededGenerator) {
        self.platform = platform
        var draw = random.double(in: 0...1)
        var chosen = Self.tiers[0]
        for tier in Self.tiers {
            chosen = tier
            draw -= tier.share
            if draw <= 0 { break }
        }
        let range = chosen.tier.followerRange
        let upper = chosen.tier == .celebrity ? 400_000_000 : range.upperBound - 1
        followers = Int(random.logUniform(Double(max(range.lowerBound, 50)), Double(upper)))
        engagement = ((platform == .youtube ? random.double(in: 2...8) : random.double(in: chosen.instagram)) * 100)
            .rounded() / 100
        contentPerWeek = (random.logUniform(0.5, 14) * 10).rounded() / 10
        yearlyGrowth = random.double(in: -0.1...0.6)
        engagementDrift = random.double(in: -0.3...0.3)
        category = random.pick(Vocabulary.categories)
        let name = random.pick(Vocabulary.names)
        let place = random.pick(Vocabulary.places)
        let slug = name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.map(String.init).joined()
        handle = (slug.isEmpty ? "creator" : slug) + String(random.int(in: 1...999))
        overview = ProfileOverview(
            handle: handle, followers: followers,
            following: platform == .youtube ? nil : random.int(in: 50...3000),
            posts: random.int(in: 40...4000), engagement: engagement, contentPerWeek: contentPerWeek,
            tier: InfluencerTier(followers: followers).rawValue)
        let mentions = (0..<random.int(in: 0...2)).map { _ in "@" + random.pick(Vocabulary.names).split(separator: " ")[0].lowercased() }
        details = ProfileDetails(
            fullName: name,
            biography: "\(random.pick(Vocabulary.phrases)) \(category.tags[0]) \(place.city) 📍\nCollabs: \(handle)@example.com",
            category: category.category, platformCategory: category.platformCategory, city: place.city,
            country: place.country, email: "\(handle)@example.com",
            mobile: random.chance(0.3) ? String(random.int(in: 7_000_000_000...9_999_999_999)) : nil,
            externalLinks: ["https://linktr.ee/\(handle)"], hashtags: Array(category.tags.prefix(2)), mentions: mentions,
            brandMentions: random.chance(0.6) ? [random.pick(Vocabulary.brands)] : [])
        reach =
            random.chance(0.5)
            ? .object([
                "avg_reach": .number(Double(Int(Double(followers) * random.double(in: 0.1...0.6)))),
                "avg_impressions": .number(Double(Int(Double(followers) * random.double(in: 0.3...1.2)))),
                "top_countries": .array([.string(place.country), .string(random.pick(Vocabulary.places).country)]),
            ]) : .object([:])
    }
}

/// A synthetic caption: a phrase, tags, maybe a mention, a link and a paid-partnership mark.
struct Caption {
    let text: String
    let hashtags: [String]
    let links: [String]
    let isSponsored: Bool

    init(creator: CreatorTraits, number: Int, random: inout SeededGenerator) {
        var tags = (0..<random.int(in: 0...5)).map { _ in random.pick(creator.category.tags) }
        tags = tags.reduce(into: []) { unique, tag in if !unique.contains(tag) { unique.append(tag) } }
        var parts = [random.pick(Vocabulary.phrases)]
        if random.chance(0.3) { parts.append("with @" + random.pick(Vocabulary.names).split(separator: " ")[0].lowercased()) }
        var links: [String] = []
        if random.chance(0.25) {
            links.append("https://example.com/\(creator.handle)/\(number)")
            parts.append("Link: \(links[0])")
        }
        isSponsored = random.chance(0.15)
        if isSponsored {
            let mark = random.pick(Vocabulary.sponsorMarks)
            if mark.hasPrefix("#") {
                tags.append(mark)
            } else {
                parts.append("\(mark) \(random.pick(Vocabulary.brands))")
            }
        }
        parts.append(tags.joined(separator: " "))
        text = parts.filter { !$0.isEmpty }.joined(separator: " ")
        hashtags = tags
        self.links = links
    }
}

enum Shortcode {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

    static func make(_ random: inout SeededGenerator) -> String {
        "C" + String((0..<10).map { _ in random.pick(alphabet) })
    }
}

enum VideoID {
    static func make(_ random: inout SeededGenerator) -> String {
        String((0..<11).map { _ in random.pick(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")) })
    }
}
