import Foundation
import Presentation
import RefreshAPI
import TextGrid

/// A column of the Creators list; the config file names them (`sort: creators: engagement`).
public enum CreatorColumn: String, ListColumn, CaseIterable {
    case name, handle, platform, tier, followers, engagement, postsPerWeek, change, refreshed

    public var name: String {
        switch self {
        case .postsPerWeek: "posts a week"
        case .change: "change in followers"
        default: rawValue
        }
    }

    public var sortsAscendingFirst: Bool {
        switch self {
        case .name, .handle, .platform: true
        case .tier, .followers, .engagement, .postsPerWeek, .change, .refreshed: false
        }
    }

    /// What a row shows in this column at `now`.
    func text(_ row: CreatorRow, now: Date) -> String {
        switch self {
        case .name: SafeText.sanitize(row.name ?? "")
        case .handle: SafeText.sanitize(row.handleText)
        case .platform: row.platform.displayName
        case .tier: SafeText.sanitize(row.tier ?? "")
        case .followers: row.followers.map { NumberFormat.compact(Double($0)) } ?? ""
        case .engagement: row.engagement.map { NumberFormat.percent($0) } ?? ""
        case .postsPerWeek: row.contentPerWeek.map { NumberFormat.decimal($0) } ?? ""
        case .change: row.followerChange.map { ($0 > 0 ? "+" : "") + NumberFormat.compact(Double($0)) } ?? ""
        case .refreshed: Age.ago(row.lastRefreshedAt, now: now)
        }
    }
}

extension CreatorRow: ListRow {
    public typealias Filter = CreatorRowFilter

    public func sortKey(_ column: CreatorColumn) -> SortKey {
        switch column {
        case .name: .text(name ?? key)
        case .handle: .text(handle ?? key)
        case .platform: .text(platform.rawValue)
        case .tier: .number(Self.tierRank(tier))
        case .followers: .number(followers)
        case .engagement: .number(engagement)
        case .postsPerWeek: .number(contentPerWeek)
        case .change: .number(followerChange)
        case .refreshed: .number(lastRefreshedAt.timeIntervalSince1970)
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
