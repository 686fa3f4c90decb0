import Foundation
import Presentation
import TextGrid

/// The Creators list: every creator in the store with the figures of its latest refresh and the change since the one
/// before. Marks choose creators to refresh, compare or add to a roster.
public struct CreatorsTab: ListTab {
    public internal(set) var list: ListState<CreatorRow>
    /// The saved view shown, if one is.
    public private(set) var view: CreatorView?
    /// The sort the list starts with, that leaving a view goes back to.
    let standardSort: SortOrder<CreatorField>
    /// How wide the handles are (within bounds), read when the creators are: a handle is how a creator is told
    /// apart, so its column is as wide as they need before a name gets the rest.
    private(set) var handleWidth = 18

    public init(rows: [CreatorRow] = [], sort: SortOrder<CreatorField>) {
        list = ListState(rows: rows, sort: sort)
        standardSort = sort
    }

    /// Shows a saved view: its query as the filter, its sort and its columns; nil goes back to every creator, as the
    /// list starts. Says how many creators the view holds, or why its query cannot be read.
    mutating func show(_ view: CreatorView?, area: Rect, _ shared: inout Shared) {
        self.view = view
        list.clearFilter()
        list.setFilter(view?.query ?? "", now: shared.now)
        let sort = view?.sort.map { SortOrder($0.field, ascending: $0.ascending) } ?? standardSort
        list.sort(by: sort.column, ascending: sort.ascending)
        list.keepInView(rowsInView: ListState<CreatorRow>.rowsInView(area))
        guard let view else {
            shared.tell("Every creator: \(NumberFormat.grouped(list.rows.count)).")
            return
        }
        if let problem = list.filterProblem {
            shared.tell("The view \(SafeText.sanitize(view.name)) cannot be read: \(SafeText.sanitize(problem.inline(view.query)))")
        } else {
            shared.tell(
                "View \(SafeText.sanitize(view.name)): \(NumberFormat.grouped(list.visible.count)) of \(NumberFormat.grouped(list.rows.count)) creators.")
        }
    }

    func columns(forWidth width: Int) -> [ShownColumn<CreatorField>] {
        if let view, !view.columns.isEmpty { return Self.columns(view.columns, forWidth: width, handleWidth: handleWidth) }
        let followers = ShownColumn(CreatorField.followers, "FOLLOWERS", width: 10, alignRight: true)
        if width >= 110 {
            return [
                ShownColumn(.name, "NAME", width: nil), ShownColumn(.handle, "HANDLE", width: min(handleWidth, width - 90)),
                ShownColumn(.platform, "PLATFORM", width: 9), ShownColumn(.tier, "TIER", width: 10), followers,
                ShownColumn(.engagement, "ER", width: 7, alignRight: true),
                ShownColumn(.postsPerWeek, "POSTS/WK", width: 9, alignRight: true),
                ShownColumn(.change, "CHANGE", width: 9, alignRight: true), ShownColumn(.refreshed, "REFRESHED", width: 10),
            ]
        }
        if width >= 80 {
            return [
                ShownColumn(.name, "NAME", width: nil), ShownColumn(.handle, "HANDLE", width: min(handleWidth, width - 44)), followers,
                ShownColumn(.change, "CHANGE", width: 8, alignRight: true), ShownColumn(.refreshed, "REFRESHED", width: 10),
            ]
        }
        return [ShownColumn(.handle, "HANDLE", width: nil), followers]
    }

    /// A view's columns at a width: as many as fit, in its order, the name (else the last) taking what is left.
    static func columns(_ fields: [CreatorField], forWidth width: Int, handleWidth: Int) -> [ShownColumn<CreatorField>] {
        var shown = fields
        func columnWidth(_ field: CreatorField) -> Int { field == .handle ? handleWidth : field.columnWidth }
        func total(_ fields: [CreatorField]) -> Int { fields.map(columnWidth).reduce(0, +) + fields.count + 2 }
        while shown.count > 1, total(shown) > width { shown.removeLast() }
        let flexible = shown.contains(.name) ? CreatorField.name : shown.last
        return shown.map { field in
            ShownColumn(field, field.header, width: field == flexible ? nil : columnWidth(field), alignRight: field.isNumber)
        }
    }

    /// The marked creators, else the selected one.
    private var chosen: [CreatorRow] {
        list.marked.isEmpty ? list.selected.map { [$0] } ?? [] : list.markedRows
    }

    func offers(_ shared: Shared) -> [Offer] {
        var offers = list.offers(filterSummary: CreatorQueryHelp.summary, backClearsFilter: view == nil)
        if view != nil { offers.append(Offer(.back, "leave the view for every creator", hint: "all creators", rank: 3)) }
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
        offers.append(Offer(.chooseView, "open a saved view (views: in config.yml)", hint: "views", rank: 9))
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
        case .chooseView:
            guard !shared.settings.views.isEmpty else {
                shared.tell("No saved views: add them under views: in config.yml (see the README), then ylytic config check.")
                return .nothing
            }
            return .go(.show(.views(ViewPicker(views: shared.settings.views, current: view?.name))))
        case .exportCreators:
            guard !list.visible.isEmpty else { return .nothing }
            return Outcome([.exportCreators(name: "creators", list.visibleRows.map { $0.listing(now: shared.now) })])
        default:
            break
        }
        return .nothing
    }

    mutating func take(_ event: ScreenEvent, area: Rect, _ shared: Shared) {
        if case .creatorsLoaded(let creators) = event {
            list.setRows(creators)
            let widest = creators.lazy.map { DisplayWidth.of(SafeText.sanitize($0.handleText)) }.max() ?? 0
            handleWidth = min(32, max(10, widest))
        }
    }

    static let rowName = "creator"

    func emptyText(_ shared: Shared) -> String {
        "No creators yet: they appear when a refresh of a creator succeeds."
    }

    /// The change in followers is coloured by its sign.
    func cell(_ row: CreatorRow, _ column: CreatorField, _ shared: Shared) -> TableCell {
        let change = row.followerChange ?? 0
        let style: Style =
            switch column {
            case .change: change > 0 ? shared.theme[.positive] : change < 0 ? shared.theme[.negative] : .plain
            case .stale: shared.theme[.stale]
            default: .plain
            }
        // The change is the row's own, read from the creator's history.
        let text = column == .change ? CreatorField.changeText(row.followerChange) : column.text(row.listing(now: shared.now), now: shared.now)
        return TableCell(text: text, style: style)
    }

    var previewSubject: String? { list.selected?.latestRequestID }

    func previewLines(_ shared: Shared) -> [String] {
        list.selected == nil ? [] : ["Reading the latest response…"]
    }
}
