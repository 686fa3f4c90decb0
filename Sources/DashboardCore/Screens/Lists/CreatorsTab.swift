import Foundation
import Presentation
import TextGrid

/// The Creators list: every creator in the store with the figures of its latest refresh and the change since the one
/// before. Marks choose creators to refresh, compare or add to a roster.
public struct CreatorsTab: ListTab {
    public internal(set) var list: ListState<CreatorRow>

    public init(rows: [CreatorRow] = [], sort: SortOrder<CreatorColumn>) {
        list = ListState(rows: rows, sort: sort)
    }

    static func columns(forWidth width: Int) -> [ShownColumn<CreatorColumn>] {
        let followers = ShownColumn(CreatorColumn.followers, "FOLLOWERS", width: 10, alignRight: true)
        if width >= 110 {
            return [
                ShownColumn(.name, "NAME", width: 20), ShownColumn(.handle, "HANDLE", width: 18),
                ShownColumn(.platform, "PLATFORM", width: 9), ShownColumn(.tier, "TIER", width: 10), followers,
                ShownColumn(.engagement, "ENG.", width: 7, alignRight: true),
                ShownColumn(.postsPerWeek, "POSTS/WK", width: 9, alignRight: true),
                ShownColumn(.change, "CHANGE", width: 9, alignRight: true), ShownColumn(.refreshed, "REFRESHED", width: nil),
            ]
        }
        if width >= 80 {
            return [
                ShownColumn(.name, "NAME", width: nil), ShownColumn(.handle, "HANDLE", width: 16), followers,
                ShownColumn(.change, "CHANGE", width: 8, alignRight: true), ShownColumn(.refreshed, "REFRESHED", width: 10),
            ]
        }
        return [ShownColumn(.handle, "HANDLE", width: nil), followers]
    }

    /// The marked creators, else the selected one.
    private var chosen: [CreatorRow] {
        list.marked.isEmpty ? list.selected.map { [$0] } ?? [] : list.markedRows
    }

    func offers(_ shared: Shared) -> [Offer] {
        var offers = list.offers(filterSummary: CreatorQueryHelp.summary, backClearsFilter: true)
        if list.selected?.latestRequestID != nil { offers.append(Offer(.open, "the selected creator's latest page", hint: "open", rank: 8)) }
        let marked = list.marked.count
        if !chosen.isEmpty {
            offers.append(
                Offer(
                    .refreshAgain, "refresh the marked creators, else the selected one",
                    hint: marked > 0 ? "refresh \(NumberFormat.grouped(marked))" : "refresh", rank: 4))
        }
        if list.selected != nil { offers.append(Offer(.mark, "mark or unmark the selected creator", hint: "mark", rank: 5)) }
        if !list.visible.isEmpty { offers.append(Offer(.markAll, "mark every creator shown (again: unmark them)")) }
        if !list.rows.isEmpty {
            offers.append(
                Offer(.compare, "compare the 2 to 4 marked creators side by side", hint: ComparisonRequest.hint(list.markedRows), rank: 2))
        }
        if !chosen.isEmpty { offers.append(Offer(.addToRoster, "add the marked creators (else the selected one) to a roster")) }
        if !list.visible.isEmpty { offers.append(Offer(.exportCreators, "write every creator shown as CSV", hint: "export")) }
        return offers
    }

    mutating func run(_ command: Command, area: Rect, _ shared: inout Shared) -> Outcome {
        switch command {
        case .open:
            guard let creator = list.selected, creator.latestRequestID != nil else { return .nothing }
            return Outcome([.openLatest(creator)])
        case .refreshAgain:
            if list.marked.isEmpty, let creator = list.selected {
                shared.tell("Refreshing \(SafeText.sanitize(creator.refreshTarget.description)) again…")
                return Outcome([.submit(creator.refreshTarget)])
            }
            let targets = list.markedRows.map(\.refreshTarget).sorted { $0.description < $1.description }
            return BatchRefresh.of(targets, what: "the marked creators", &shared)
        case .compare:
            return ComparisonRequest.of(list.markedRows, markKey: shared.key(.mark, in: .list), &shared)
        case .addToRoster:
            let targets = chosen.map(\.refreshTarget)
            guard !targets.isEmpty else { return .nothing }
            return .go(.show(.addToRoster(AddToRoster(targets: targets))))
        case .exportCreators:
            guard !list.visible.isEmpty else { return .nothing }
            return Outcome([.exportCreators(name: "creators", list.visibleRows.map { $0.listing(now: shared.now) })])
        default:
            break
        }
        return .nothing
    }

    mutating func take(_ event: ScreenEvent, area: Rect, _ shared: Shared) {
        if case .creatorsLoaded(let creators) = event { list.setRows(creators) }
    }

    static let rowName = "creator"

    func emptyText(_ shared: Shared) -> String {
        "No creators yet: they appear when a refresh of a creator succeeds."
    }

    /// The change in followers is coloured by its sign.
    func cell(_ row: CreatorRow, _ column: CreatorColumn, _ shared: Shared) -> TableCell {
        let change = row.followerChange ?? 0
        let style: Style = column != .change ? .plain : change > 0 ? shared.theme[.positive] : change < 0 ? shared.theme[.negative] : .plain
        return TableCell(text: column.text(row, now: shared.now), style: style)
    }

    var previewSubject: String? { list.selected?.latestRequestID }

    func previewLines(_ shared: Shared) -> [String] {
        list.selected == nil ? [] : ["Reading the latest response…"]
    }
}
