import Presentation
import TextGrid

/// The Rosters list: each roster summed up (creators, stale, followers, median engagement, posts a week, tiers).
/// Enter opens one as a list of its creators; `r` refreshes all of them, `R` the stale ones.
public struct RostersTab: ListTab {
    public internal(set) var list: ListState<RosterRow>

    public init(rows: [RosterRow] = []) {
        list = ListState(rows: rows, sort: SortOrder(.name, ascending: true))
    }

    func columns(forWidth width: Int) -> [ShownColumn<RosterColumn>] {
        let name = ShownColumn(RosterColumn.name, "ROSTER", width: nil)
        let creators = ShownColumn(RosterColumn.creators, "CREATORS", width: 9, alignRight: true)
        let stale = ShownColumn(RosterColumn.stale, "STALE", width: 6, alignRight: true)
        let summed = [
            ShownColumn(RosterColumn.followers, "FOLLOWERS", width: 10, alignRight: true),
            ShownColumn(.engagement, "MEDIAN ER", width: 10, alignRight: true),
            ShownColumn(.postsPerWeek, "POSTS/WK", width: 9, alignRight: true),
        ]
        if width >= 110 { return [name, creators, stale] + summed + [ShownColumn(.tiers, "TIERS", width: nil)] }
        if width >= 70 { return [name, creators, stale] + summed }
        return [name, creators, stale]
    }

    func offers(_ shared: Shared) -> [Offer] {
        var offers = list.offers(backClearsFilter: true)
        guard let roster = list.selected else { return offers }
        offers += [
            Offer(.open, "the selected roster's creators", hint: "open", rank: 8),
            Offer(.refreshAgain, "refresh every creator of the selected roster", hint: "refresh all", rank: 4),
            Offer(.refreshStale, "refresh the stale creators of the selected roster", hint: roster.stale > 0 ? "refresh stale" : nil, rank: 4),
            Offer(.forget, "delete the selected roster (after a confirm)", hint: "delete", rank: 9),
            Offer(.renameRoster, "rename the selected roster", hint: "rename", rank: 10),
        ]
        return offers
    }

    mutating func run(_ command: Command, area: Rect, _ shared: inout Shared) -> Outcome {
        guard let roster = list.selected else { return .nothing }
        switch command {
        case .open:
            return .go(.open([.roster(RosterMembersScreen(roster: roster))]))
        case .refreshAgain:
            return BatchRefresh.of(roster.members.map(\.target), what: "every creator of \(SafeText.sanitize(roster.name))", &shared)
        case .refreshStale:
            let stale = roster.members.filter(\.isStale).map(\.target)
            return BatchRefresh.of(stale, what: "the stale creators of \(SafeText.sanitize(roster.name))", &shared)
        case .renameRoster:
            return .go(.show(.renameRoster(RenameRoster(name: roster.name))))
        case .forget:
            let name = SafeText.sanitize(roster.name)
            let count = roster.members.count
            return .go(
                .show(
                    .confirmChange(
                        ConfirmChange(
                            title: "Delete \(name)",
                            lines: [
                                "Delete the roster \(name) (\(NumberFormat.grouped(count)) creator\(count == 1 ? "" : "s"))",
                                "for everyone using this store? Their requests and figures stay.",
                            ],
                            verb: "delete", effect: .deleteRoster(name: roster.name)))))
        default:
            return .nothing
        }
    }

    mutating func take(_ event: ScreenEvent, area: Rect, _ shared: Shared) {
        if case .rostersLoaded(let rosters) = event { list.setRows(rosters) }
    }

    static let rowName = "roster"

    func emptyText(_ shared: Shared) -> String {
        "No rosters yet: ylytic roster import NAME FILE, or \(shared.key(.addToRoster, in: .list)) on the Creators list."
    }

    /// The count of stale creators is coloured when there are some.
    func cell(_ roster: RosterRow, _ column: RosterColumn, _ shared: Shared) -> TableCell {
        TableCell(text: column.text(roster), style: column == .stale && roster.stale > 0 ? shared.theme[.stale] : .plain)
    }

    /// A roster has no page of its own: the pane sums it up instead.
    var previewSubject: String? { nil }

    /// The selected roster summed up, then its creators, most followers first, each with the age of its figures.
    func previewLines(_ shared: Shared) -> [String] {
        guard let roster = list.selected else { return [] }
        var lines = [SafeText.sanitize(roster.name), ""]
        let maxAge = roster.maxAge.map { "kept fresh within \(Age.duration($0))" } ?? "no maximum age"
        let creators = "\(NumberFormat.grouped(roster.members.count)) creator\(roster.members.count == 1 ? "" : "s")"
        lines.append(roster.maxAge == nil ? "\(creators), \(maxAge)" : "\(creators), \(roster.stale) stale (\(maxAge))")
        if roster.members.contains(where: { $0.creator != nil }) {
            lines.append("Followers  \(NumberFormat.compact(Double(roster.totalFollowers))) in all")
            lines.append("Median ER  \(roster.medianEngagement.map { NumberFormat.percent($0) } ?? "–")")
            lines.append("Posts/wk   \(NumberFormat.decimal(roster.postsPerWeek))")
            if !roster.tiers.isEmpty { lines.append("Tiers      \(roster.tiersText)") }
        } else {
            lines.append("None refreshed yet: \(shared.key(.refreshAgain, in: .list)) refreshes them all.")
        }
        lines += ["", "CREATORS, most followers first"]
        let members = roster.members.sorted { ($0.creator?.followers ?? -1) > ($1.creator?.followers ?? -1) }
        for member in members {
            let who = SafeText.sanitize(member.creator?.handle.map { "@" + $0 } ?? member.target.value)
            guard let creator = member.creator else {
                lines.append("\(who)  never refreshed")
                continue
            }
            let followers = creator.followers.map { NumberFormat.compact(Double($0)) } ?? "–"
            let age = Age.ago(creator.lastRefreshedAt, now: shared.now) + (member.isStale ? ", stale" : "")
            lines.append("\(who)  \(followers)  \(age)")
        }
        return lines
    }
}
