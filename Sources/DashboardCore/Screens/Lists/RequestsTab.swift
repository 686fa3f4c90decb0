import Foundation
import Presentation
import RefreshAPI
import TextGrid

/// The Requests list: every request the store tracks, live, whoever submitted it. Enter opens a finished one's
/// creator page (or what is known of any other), `r` refreshes its target again, `d` forgets it.
public struct RequestsTab: ListTab {
    public internal(set) var list: ListState<RequestRow>
    /// How many requests the store holds, while only the newest are shown and the rest are being read.
    public private(set) var loadingTotal: Int?
    /// Rows in each phase, for the header; kept as the rows change, so that drawing a frame counts nothing.
    public private(set) var counts: [RequestRow.Phase: Int] = [:]

    /// How long a row that changed state stays marked.
    public static let markDuration: TimeInterval = 5

    public init(rows: [RequestRow] = [], sort: SortOrder<RequestColumn>) {
        list = ListState(rows: rows, sort: sort)
        recount()
    }

    /// The columns that fit a width, widest layout first. FOLLOWERS has room for its sort arrow.
    func columns(forWidth width: Int) -> [ShownColumn<RequestColumn>] {
        let type = ShownColumn(RequestColumn.type, "TYPE", width: 14)
        let name = ShownColumn(RequestColumn.name, "NAME", width: 20)
        let submitted = ShownColumn(RequestColumn.submitted, "SUBMITTED", width: 10)
        let finished = ShownColumn(RequestColumn.finished, "FINISHED", width: 10)
        let followers = ShownColumn(RequestColumn.followers, "FOLLOWERS", width: 10, alignRight: true)
        let state = ShownColumn(RequestColumn.state, "STATE", width: nil)
        if width >= 140 {
            return [
                type, ShownColumn(.target, "TARGET", width: 24), name, state, submitted, ShownColumn(.by, "BY", width: 16),
                finished, followers,
            ]
        }
        if width >= 110 { return [type, ShownColumn(.target, "TARGET", width: 24), name, state, submitted, finished, followers] }
        if width >= 80 { return [type, ShownColumn(.target, "TARGET", width: 22), state, submitted, followers] }
        if width >= 60 { return [ShownColumn(.target, "TARGET", width: nil), ShownColumn(.state, "STATE", width: 22), followers] }
        return [ShownColumn(.target, "TARGET", width: nil), ShownColumn(.state, "STATE", width: 14)]
    }

    func offers(_ shared: Shared) -> [Offer] {
        var offers = list.offers(backClearsFilter: true)
        guard let row = list.selected else { return offers }
        offers.append(Offer(.open, row.phase == .succeeded ? "the creator page of the selected request" : "what is known of the selected request", hint: "open", rank: 8))
        // A submission waiting for the store is not in it yet: there is nothing to refresh again or forget.
        guard !row.isAwaitingStore else { return offers }
        if row.type != nil { offers.append(Offer(.refreshAgain, "refresh the selected request's target again", hint: "refresh", rank: 4)) }
        offers.append(Offer(.forget, "forget the selected request (after a confirm)", hint: "forget", rank: 9))
        return offers
    }

    mutating func run(_ command: Command, area: Rect, _ shared: inout Shared) -> Outcome {
        guard let row = list.selected, command == .open || !row.isAwaitingStore else { return .nothing }
        switch command {
        case .open:
            if row.phase == .succeeded, row.requestID != nil { return Outcome([.openCreator(row)]) }
            return .go(.show(.details(RequestDetails(row: row))))
        case .refreshAgain:
            guard let type = row.type else { return .nothing }
            shared.tell("Refreshing \(type.rawValue) \(SafeText.sanitize(row.target)) again…")
            return Outcome([.submit(RefreshTarget(uncheckedType: type, value: row.target))])
        case .forget:
            return .go(.show(.confirmForget(ConfirmForget(row: row))))
        default:
            return .nothing
        }
    }

    mutating func take(_ event: ScreenEvent, area: Rect, _ shared: Shared) {
        switch event {
        case .requestsLoaded(let rows):
            list.setRows(rows)
            loadingTotal = nil
        case .firstPage(let rows, let total):
            guard list.rows.isEmpty else { return }
            list.setRows(rows)
            loadingTotal = total > rows.count ? total : nil
        case .requestsChanged(let rows):
            // A row whose phase changed is marked for a few seconds.
            let marked = rows.map { row in
                var changed = row
                let before = list.row(row.id)
                changed.changedAt = before.map { $0.phase != row.phase ? shared.now : $0.changedAt } ?? row.changedAt
                return changed
            }
            list.upsert(marked)
        case .requestsRemoved(let ids):
            list.remove(ids)
        case .selectRequest(let id):
            list.select(id, rowsInView: ListState<RequestRow>.rowsInView(area))
        default:
            return
        }
        recount()
    }

    /// Whether `row` changed state in the last few seconds, and is marked.
    static func isFreshlyChanged(_ row: RequestRow, now: Date) -> Bool {
        row.changedAt.map { now.timeIntervalSince($0) < markDuration } ?? false
    }

    static let rowName = "request"

    func emptyText(_ shared: Shared) -> String {
        "No requests yet: \(shared.key(.newRequest, in: .list)) submits one."
    }

    func cell(_ row: RequestRow, _ column: RequestColumn, _ shared: Shared) -> TableCell {
        let style = column == .state ? shared.theme.phase(row.phase) : Self.isFreshlyChanged(row, now: shared.now) ? Style(bold: true) : .plain
        return TableCell(text: column.text(row, now: shared.now), style: style)
    }

    /// A row that changed state in the last few seconds is marked, in its state's colour.
    func mark(_ row: RequestRow, _ shared: Shared) -> TableCell? {
        Self.isFreshlyChanged(row, now: shared.now) ? TableCell(text: shared.frame.mark, style: shared.theme.phase(row.phase)) : nil
    }

    var previewSubject: String? {
        list.selected.flatMap { $0.phase == .succeeded ? $0.requestID : nil }
    }

    func previewLines(_ shared: Shared) -> [String] {
        guard let row = list.selected else { return [] }
        return row.phase == .succeeded ? ["Reading the response…"] : row.facts(now: shared.now)
    }

    /// Whether the screen changes with time alone: ages of requests under way, and marks fading.
    public func changesWithTime(now: Date) -> Bool {
        counts[.pending, default: 0] + counts[.stale, default: 0] > 0
            || list.rows.contains { row in row.changedAt.map { now.timeIntervalSince($0) < Self.markDuration + 1 } == true }
    }

    private mutating func recount() {
        var tally: [RequestRow.Phase: Int] = [:]
        for row in list.rows { tally[row.phase, default: 0] += 1 }
        counts = tally
    }
}
