import Foundation
import RefreshAPI
import RefreshTracking
import TextGrid

/// A creator as lists and files of creators show it (`ylytic creators`, a roster's or the Creators tab's export):
/// the figures of its latest refresh, the change since the one before, and whether its rosters count it stale.
public struct CreatorListing: Sendable, Equatable {
    public var creator: StoredCreator
    /// Older than the smallest maximum age of its rosters.
    public var isStale: Bool

    public init(_ creator: StoredCreator, isStale: Bool) {
        self.creator = creator
        self.isStale = isStale
    }

    /// Followers gained or lost since the refresh before, when there was one.
    public var followerChange: Int? {
        guard let now = creator.followers, let then = creator.previousFollowers else { return nil }
        return now - then
    }

    /// The handle as people write it: `@name` on Instagram; a YouTube channel's id.
    public var handleText: String {
        creator.platform == Platform.instagram.rawValue ? "@" + (creator.handle ?? creator.key) : creator.handle ?? creator.key
    }

    /// City and country, as far as known.
    public var place: String {
        [creator.city, creator.country].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: ", ")
    }
}

/// A column of a list of creators: what it is called in a table, in a file and in `--sort`, and what it shows.
public enum CreatorField: String, CaseIterable, Sendable {
    case name, handle, platform, tier, followers, change, engagement = "er", postsPerWeek = "posts/wk"
    case growth = "growth.month", sponsored, category, city, country, place, refreshed, stale

    /// Names `--sort` also takes.
    static let aliases: [String: CreatorField] = [
        "engagement": .engagement, "posts_per_week": .postsPerWeek, "postsperweek": .postsPerWeek, "growth": .growth,
    ]

    /// The field named `name` (`followers`, `er`, `posts/wk`…), whatever its case.
    public init?(named name: String) {
        guard let field = CreatorField(rawValue: name.lowercased()) ?? Self.aliases[name.lowercased()] else { return nil }
        self = field
    }

    public var header: String {
        switch self {
        case .engagement: "ER"
        case .postsPerWeek: "POSTS/WK"
        case .growth: "GROWTH/MO"
        case .sponsored: "SPONSORED"
        default: rawValue.uppercased()
        }
    }

    /// The field's name in CSV and JSON.
    public var fileName: String {
        switch self {
        case .change: "followers_change"
        case .engagement: "engagement"
        case .postsPerWeek: "posts_per_week"
        case .growth: "growth_month"
        case .sponsored: "sponsored_share"
        case .refreshed: "last_refreshed_at"
        default: rawValue
        }
    }

    /// Whether a table aligns it to the right.
    public var isNumber: Bool {
        [.followers, .change, .engagement, .postsPerWeek, .growth, .sponsored].contains(self)
    }

    /// Whether a sort by it starts smallest first (texts) rather than largest and newest first (figures, times).
    public var sortsAscendingFirst: Bool {
        [.name, .handle, .platform, .category, .city, .country, .place].contains(self)
    }

    /// What a table shows, short and safe for a terminal.
    public func text(_ listing: CreatorListing, now: Date) -> String {
        let creator = listing.creator
        return switch self {
        case .name: SafeText.sanitize(creator.name ?? "")
        case .handle: SafeText.sanitize(listing.handleText)
        case .platform: Platform(rawValue: creator.platform)?.displayName ?? SafeText.sanitize(creator.platform)
        case .tier: SafeText.sanitize(creator.tier ?? "")
        case .followers: creator.followers.map { NumberFormat.compact(Double($0)) } ?? ""
        case .change: Self.changeText(listing.followerChange)
        case .engagement: creator.engagement.map { NumberFormat.percent($0) } ?? ""
        case .postsPerWeek: creator.contentPerWeek.map { NumberFormat.decimal($0) } ?? ""
        case .growth: creator.followersGrowthMonth.map(NumberFormat.signedPercent) ?? ""
        case .sponsored: creator.sponsoredShare.map { NumberFormat.percent($0, decimals: 0) } ?? ""
        case .category: SafeText.sanitize(creator.category ?? "")
        case .city: SafeText.sanitize(creator.city ?? "")
        case .country: SafeText.sanitize(creator.country ?? "")
        case .place: SafeText.sanitize(listing.place)
        case .refreshed: Age.ago(creator.lastRefreshedAt, now: now)
        case .stale: listing.isStale ? "stale" : ""
        }
    }

    /// A change in followers as a table shows it: signed, short.
    public static func changeText(_ change: Int?) -> String {
        change.map { ($0 > 0 ? "+" : "") + NumberFormat.compact(Double($0)) } ?? ""
    }

    /// What a file holds: numbers in full, times in RFC 3339, text as it came (made safe by the writer).
    public func value(_ listing: CreatorListing) -> String {
        let creator = listing.creator
        return switch self {
        case .name: creator.name ?? ""
        case .handle: creator.handle ?? creator.key
        case .platform: creator.platform
        case .tier: creator.tier ?? ""
        case .followers: creator.followers.map(String.init) ?? ""
        case .change: listing.followerChange.map(String.init) ?? ""
        case .engagement: creator.engagement.map { String($0) } ?? ""
        case .postsPerWeek: creator.contentPerWeek.map { String($0) } ?? ""
        case .growth: creator.followersGrowthMonth.map { String($0) } ?? ""
        case .sponsored: creator.sponsoredShare.map { String($0) } ?? ""
        case .category: creator.category ?? ""
        case .city: creator.city ?? ""
        case .country: creator.country ?? ""
        case .place: listing.place
        case .refreshed: Timestamp.rfc3339(creator.lastRefreshedAt)
        case .stale: listing.isStale ? "true" : "false"
        }
    }

    /// What a sort compares: a number, or text in lower case; nil (unknown) sorts last either way.
    public func sortValue(_ listing: CreatorListing) -> SortValue? {
        let creator = listing.creator
        switch self {
        case .name: return creator.name.map { .text($0.lowercased()) }
        case .handle: return .text(listing.handleText.lowercased())
        case .platform: return .text(creator.platform)
        case .tier:
            return creator.tier.map { tier in
                .number(Double(InfluencerTier(rawValue: tier).flatMap { InfluencerTier.allCases.firstIndex(of: $0) } ?? -1))
            }
        case .followers: return creator.followers.map { .number(Double($0)) }
        case .change: return listing.followerChange.map { .number(Double($0)) }
        case .engagement: return creator.engagement.map { .number($0) }
        case .postsPerWeek: return creator.contentPerWeek.map { .number($0) }
        case .growth: return creator.followersGrowthMonth.map { .number($0) }
        case .sponsored: return creator.sponsoredShare.map { .number($0) }
        case .category: return creator.category.map { .text($0.lowercased()) }
        case .city: return creator.city.map { .text($0.lowercased()) }
        case .country: return creator.country.map { .text($0.lowercased()) }
        case .place: return listing.place.isEmpty ? nil : .text(listing.place.lowercased())
        case .refreshed: return .number(creator.lastRefreshedAt.timeIntervalSince1970)
        case .stale: return .number(listing.isStale ? 1 : 0)
        }
    }

    /// A value a list of creators is sorted by.
    public enum SortValue: Comparable, Sendable {
        case number(Double)
        case text(String)
    }
}

/// Creators as CSV (``CSV``): a header row of field names, then one row per creator, every field in full (text a
/// spreadsheet would take for a formula kept as text).
public enum CreatorsCSV {
    public static let fields: [CreatorField] = [
        .name, .handle, .platform, .tier, .followers, .change, .engagement, .postsPerWeek, .growth, .sponsored, .category,
        .city, .country, .refreshed, .stale,
    ]

    public static func text(_ listings: [CreatorListing], fields: [CreatorField] = Self.fields) -> String {
        var lines = [CSV.row(fields.map(\.fileName))]
        for listing in listings { lines.append(CSV.row(fields.map { $0.value(listing) })) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
