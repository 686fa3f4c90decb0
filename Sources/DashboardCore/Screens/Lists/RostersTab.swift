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

    var previewSubject: String? { nil }

    func previewLines(_ shared: Shared) -> [String] { [] }
}
