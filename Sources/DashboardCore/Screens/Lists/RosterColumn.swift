import Presentation
import RefreshAPI
import TextGrid

/// A column of the Rosters list.
public enum RosterColumn: String, ListColumn, CaseIterable {
    case name, creators, stale, followers, engagement, postsPerWeek, tiers

    public var name: String {
        switch self {
        case .engagement: "median engagement"
        case .postsPerWeek: "posts a week"
        default: rawValue
        }
    }

    public var sortsAscendingFirst: Bool { self == .name || self == .tiers }

    func text(_ roster: RosterRow) -> String {
        switch self {
        case .name: SafeText.sanitize(roster.name)
        case .creators: String(roster.members.count)
        case .stale: roster.maxAge == nil ? "" : String(roster.stale)
        case .followers: NumberFormat.compact(Double(roster.totalFollowers))
        case .engagement: roster.medianEngagement.map { NumberFormat.percent($0) } ?? ""
        case .postsPerWeek: NumberFormat.decimal(roster.postsPerWeek)
        case .tiers: roster.tiersText
        }
    }
}

extension RosterRow: ListRow, TextSearchable {
    public typealias Filter = TextFilter<RosterRow>

    public func sortKey(_ column: RosterColumn) -> SortKey {
        switch column {
        case .name: .text(name)
        case .creators: .number(members.count)
        case .stale: maxAge == nil ? .none : .number(stale)
        case .followers: .number(totalFollowers)
        case .engagement: .number(medianEngagement)
        case .postsPerWeek: .number(postsPerWeek)
        case .tiers: .text(tiersText)
        }
    }

    public func matches(_ query: String) -> Bool {
        name.lowercased().contains(query)
    }

    /// "nano 3, micro 5".
    var tiersText: String {
        tiers.map { "\(SafeText.sanitize($0.name)) \($0.count)" }.joined(separator: ", ")
    }
}

/// A column of a roster's creators.
public enum MemberColumn: String, ListColumn, CaseIterable {
    case creator, name, followers, engagement, postsPerWeek, tier, refreshed

    public var name: String { self == .postsPerWeek ? "posts a week" : rawValue }

    public var sortsAscendingFirst: Bool { self == .creator || self == .name }
}

extension RosterRow.Member: ListRow {
    public typealias Filter = MemberRowFilter

    /// The target it was added as: its mark stays on it when a refresh makes its creator known.
    public var id: RefreshTarget { target }

    public func sortKey(_ column: MemberColumn) -> SortKey {
        switch column {
        case .creator: .text(creator?.handle ?? target.value)
        case .name: .text(creator?.name)
        case .followers: .number(creator?.followers)
        case .engagement: .number(creator?.engagement)
        case .postsPerWeek: .number(creator?.contentPerWeek)
        case .tier: .number(CreatorRow.tierRank(creator?.tier))
        // Never refreshed sorts as the oldest.
        case .refreshed: .number(creator?.lastRefreshedAt.timeIntervalSince1970)
        }
    }
}
