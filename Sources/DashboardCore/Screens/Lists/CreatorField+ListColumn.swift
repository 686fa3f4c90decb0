import Foundation
import Presentation
import RefreshAPI
import RefreshTracking

/// The Creators list's columns are the fields `ylytic creators` prints and sorts by, under the same names, so a
/// saved view, `sort:` in the config and `--sort` speak one language.
extension CreatorField: ListColumn {
    public var name: String {
        switch self {
        case .engagement: "engagement"
        case .postsPerWeek: "posts a week"
        case .change: "change in followers"
        case .growth: "growth in a month"
        case .sponsored: "sponsored share"
        case .stale: "staleness"
        default: rawValue
        }
    }

    /// How wide a list draws it, its title included.
    var columnWidth: Int {
        switch self {
        case .name, .place: 20
        case .handle: 18
        case .category: 14
        case .city, .country: 12
        case .refreshed, .followers, .growth, .sponsored: 10
        case .platform, .tier, .postsPerWeek, .change: 9
        case .engagement: 7
        case .stale: 6
        }
    }
}

extension CreatorRow: ListRow {
    public typealias Filter = CreatorRowFilter

    public func sortKey(_ column: CreatorField) -> SortKey {
        switch column {
        case .name: .text(name ?? key)
        case .handle: .text(handle ?? key)
        case .platform: .text(platform.rawValue)
        case .tier: .number(Self.tierRank(tier))
        case .followers: .number(followers)
        case .engagement: .number(engagement)
        case .postsPerWeek: .number(contentPerWeek)
        case .change: .number(followerChange)
        case .growth: .number(creator.followersGrowthMonth)
        case .sponsored: .number(creator.sponsoredShare)
        case .category: .text(creator.category)
        case .city: .text(creator.city)
        case .country: .text(creator.country)
        case .place: .text(CreatorListing(creator, isStale: false).place)
        case .refreshed: .number(lastRefreshedAt.timeIntervalSince1970)
        // The longest overdue first: the earlier a creator falls due by its rosters' max age, the larger its key.
        case .stale: .number(QueryContext.dueDate(creator, in: rosters).map { -$0.timeIntervalSince1970 })
        }
    }

    /// "@handle" for Instagram, the handle or channel id for YouTube.
    var handleText: String {
        platform == .instagram ? "@" + (handle ?? key) : handle ?? key
    }

    /// A tier's place from early to celebrity; tiers the API names otherwise come first.
    static func tierRank(_ tier: String?) -> Int? {
        guard let tier else { return nil }
        return InfluencerTier(rawValue: tier).flatMap { InfluencerTier.allCases.firstIndex(of: $0) } ?? -1
    }
}
