import Foundation
import Presentation
import RefreshAPI
import TextGrid

/// A roster opened as a list of its creators: a title bar with the roster summed up, its creators (marked ones in
/// the margin, stale ones coloured and said so), kept live as the roster changes in the store.
public struct RosterMembersScreen: Component {
    /// The roster's name as last read: a rename (here or in another process) is followed by the store's number.
    public private(set) var name: String
    /// The store's own number for the roster, when it came from a store.
    let storeID: Int64?
    /// The roster as last read; nil once it is deleted.
    public private(set) var roster: RosterRow?
    public private(set) var list: ListState<RosterRow.Member>

    public init(roster: RosterRow) {
        name = roster.name
        storeID = roster.storeID
        self.roster = roster
        list = ListState(rows: roster.members, sort: nil)
    }

    public var context: KeyContext { .roster }

    /// The table: below the title bar.
    static func tableArea(_ shared: Shared) -> Rect {
        Rect(x: 0, y: 1, width: shared.width, height: max(0, shared.height - 2))
    }

    static func columns(forWidth width: Int) -> [ShownColumn<MemberColumn>] {
        let creator = ShownColumn(MemberColumn.creator, "CREATOR", minWidth: 14, maxWidth: 24)
        let followers = ShownColumn(MemberColumn.followers, "FOLLOWERS", width: 10, alignRight: true)
        let refreshed = ShownColumn(MemberColumn.refreshed, "REFRESHED", width: 15)
        if width >= 110 {
            return [
                creator, ShownColumn(.name, "NAME", width: nil), followers, ShownColumn(.engagement, "ENG.", width: 6, alignRight: true),
                ShownColumn(.postsPerWeek, "POSTS/WK", width: 9, alignRight: true), ShownColumn(.tier, "TIER", width: 9), refreshed,
            ]
        }
        if width >= 70 {
            return [creator, ShownColumn(.name, "NAME", width: nil), followers, ShownColumn(.engagement, "ENG.", width: 6, alignRight: true), refreshed]
        }
        return [creator, followers, refreshed]
    }

    /// What a member shows in a column at `now`.
    private static func text(_ member: RosterRow.Member, _ column: MemberColumn, now: Date) -> String {
        let creator = member.creator
        switch column {
        case .creator:
            if let handle = creator?.handle, creator?.platform == .instagram { return SafeText.sanitize("@" + handle) }
            if member.target.type == .instagram { return SafeText.sanitize("@" + member.target.value) }
            return SafeText.sanitize(creator?.handle ?? member.target.value)
        case .name: return SafeText.sanitize(creator?.name ?? "")
        case .followers: return creator?.followers.map { NumberFormat.compact(Double($0)) } ?? ""
        case .engagement: return creator?.engagement.map { NumberFormat.percent($0) } ?? ""
        case .postsPerWeek: return creator?.contentPerWeek.map { NumberFormat.decimal($0) } ?? ""
        case .tier: return SafeText.sanitize(creator?.tier ?? "")
        case .refreshed: return FreshnessText.of(refreshedAt: creator?.lastRefreshedAt, isStale: member.isStale, now: now)
        }
    }

    /// The marked creators, else the selected one.
    private var chosen: [RosterRow.Member] {
        list.marked.isEmpty ? list.selected.map { [$0] } ?? [] : list.markedRows
    }

    public func offers(_ shared: Shared) -> [Offer] {
        var offers = list.offers(filterSummary: CreatorQueryHelp.summary)
        let marked = list.marked.count
        if list.selected != nil { offers.append(Offer(.mark, "mark or unmark the selected creator", hint: "mark", rank: 2)) }
        if !list.visible.isEmpty { offers.append(Offer(.markAll, "mark every creator shown (again: unmark them)")) }
        if !chosen.isEmpty {
            offers.append(
                Offer(
                    .refreshAgain, "refresh the marked creators (else the selected one)",
                    hint: marked > 0 ? "refresh \(NumberFormat.grouped(marked))" : "refresh", rank: 3))
        }
        if !list.rows.isEmpty {
            offers += [
                Offer(
                    .refreshStale, "refresh every stale creator of the roster",
                    hint: (roster?.stale ?? 0) > 0 ? "refresh stale" : nil, rank: 4),
                Offer(.compare, "compare the 2 to 4 marked creators side by side", hint: ComparisonRequest.hint(markedCreators), rank: 1),
            ]
        }
        if !chosen.isEmpty {
            offers.append(Offer(.addToRoster, "add the marked creators (else the selected one) to a roster", hint: "add to roster", rank: 5))
            offers.append(Offer(.forget, "remove the marked creators (else the selected one) from the roster, after a confirm", hint: "remove"))
        }
        if list.selected != nil { offers.append(Offer(.open, "the selected creator's page", hint: "open", rank: 6)) }
        if list.visibleRows.contains(where: { $0.creator != nil }) {
            offers.append(Offer(.exportCreators, "write every refreshed creator shown as CSV", hint: "export"))
        }
        offers.append(Offer(.help, "show this help", hint: "help", rank: 0))
        offers.append(Offer(.back, "back to the rosters", hint: "back", rank: 0))
        return offers
    }

    /// The marked creators that a refresh has made known.
    private var markedCreators: [CreatorRow] { list.markedRows.compactMap(\.creator) }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        let area = Self.tableArea(shared)
        let rowsInView = ListState<RosterRow.Member>.rowsInView(area)
        shared.clearNotice()
        switch command {
        case .refreshAgain:
            let what = list.marked.isEmpty ? "the selected creator" : "the marked creators"
            return BatchRefresh.of(chosen.map(\.target), what: what, &shared)
        case .refreshStale:
            return BatchRefresh.of(list.rows.filter(\.isStale).map(\.target), what: "the stale creators of \(SafeText.sanitize(name))", &shared)
        case .compare:
            return ComparisonRequest.of(markedCreators, markKey: shared.key(.mark, in: .roster), &shared)
        case .addToRoster:
            let targets = chosen.map(\.target)
            guard !targets.isEmpty else { return .nothing }
            return .go(.show(.addToRoster(AddToRoster(targets: targets))))
        case .open:
            guard let member = list.selected else { return .nothing }
            guard let creator = member.creator, creator.latestRequestID != nil else {
                shared.tell(
                    "No refresh of \(SafeText.sanitize(member.target.description)) has succeeded yet: "
                        + "\(shared.key(.refreshAgain, in: .roster)) refreshes it.")
                return .nothing
            }
            return Outcome([.openLatest(creator)])
        case .forget:
            let targets = chosen.map(\.target)
            guard !targets.isEmpty else { return .nothing }
            let shown = SafeText.sanitize(name)
            let who = targets.count == 1 ? SafeText.sanitize(targets[0].description) : "\(NumberFormat.grouped(targets.count)) creators"
            return .go(
                .show(
                    .confirmChange(
                        ConfirmChange(
                            title: "Remove from \(shown)",
                            lines: ["Remove \(who) from the roster \(shown)?", "Their requests and figures stay."],
                            verb: "remove", effect: .removeFromRoster(name: name, targets)))))
        case .exportCreators:
            let shown = list.visibleRows.compactMap(\.creator)
            guard !shown.isEmpty else { return .nothing }
            return Outcome([.exportCreators(name: name, shown.map { $0.listing(now: shared.now) })])
        case .help:
            return .go(.show(.help(Help(context: context, offers: offers(shared)))))
        case .back:
            return .go(.close)
        default:
            _ = list.run(command, rowsInView: rowsInView, columns: Self.columns(forWidth: area.width).map(\.column), &shared)
        }
        return .nothing
    }

    public var isTyping: Bool { list.isEditingFilter }

    public mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome {
        if isTyping { list.typeIntoFilter(key, rowsInView: ListState<RosterRow.Member>.rowsInView(Self.tableArea(shared)), now: shared.now) }
        return .nothing
    }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome {
        switch event {
        case .rostersLoaded(let rosters):
            roster = rosters.first { storeID != nil ? $0.storeID == storeID : $0.id == name.lowercased() }
            if let renamed = roster?.name, renamed != name {
                shared.tell("The roster \(SafeText.sanitize(name)) is now named \(SafeText.sanitize(renamed)).")
                name = renamed
            }
            list.setRows(roster?.members ?? [])
        case .resized:
            break
        default:
            return .nothing
        }
        list.keepInView(rowsInView: ListState<RosterRow.Member>.rowsInView(Self.tableArea(shared)))
        return .nothing
    }

    public mutating func point(_ mouse: MouseInput, in area: Rect, _ shared: inout Shared) -> Outcome {
        let table = Self.tableArea(shared)
        let opens = list.point(mouse, top: table.y + 1, rowsInView: ListState<RosterRow.Member>.rowsInView(table))
        return opens && offers(shared).offers(.open) ? run(.open, &shared) : .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        grid.fill(area)
        let theme = shared.theme
        var x = grid.put(" ylytic ", in: area, x: 0, y: 0, style: theme[.title])
        x = grid.put(" roster ", in: area, x: x, y: 0, style: theme[.dim])
        x = grid.put(SafeText.sanitize(name), in: area, x: x, y: 0, style: theme[.activeTab])
        if let roster {
            grid.put("  " + Self.summary(roster, marked: list.marked.count), in: area, x: x, y: 0, style: theme[.dim], ellipsis: shared.glyphs.ellipsis)
        }
        let columns = Self.columns(forWidth: area.width)
        let empty =
            roster == nil
            ? "This roster was deleted."
            : list.rows.isEmpty ? "No creators in this roster yet: ylytic roster add \(SafeText.sanitize(name)) @handle…" : "No creator matches '\(SafeText.sanitize(list.filter))'."
        let now = shared.now
        list.draw(columns, in: Self.tableArea(shared), into: &grid, shared, emptyText: empty) { member, column in
            TableCell(text: Self.text(member, column, now: now), style: member.isStale && column == .refreshed ? theme[.stale] : .plain)
        }
    }

    public func statusLine(_ shared: Shared) -> String? {
        list.filterLine(cursor: shared.frame.cursor)
    }

    /// "12 creators · 3 stale · 1.2M followers · median ER 2.10% · 14.0 posts/wk · nano 3, micro 5".
    static func summary(_ roster: RosterRow, marked: Int) -> String {
        var parts = ["\(roster.members.count) creators"]
        if marked > 0 { parts.append("\(NumberFormat.grouped(marked)) marked") }
        if roster.maxAge != nil { parts.append("\(roster.stale) stale") }
        parts.append("\(NumberFormat.compact(Double(roster.totalFollowers))) followers")
        if let median = roster.medianEngagement { parts.append("median ER \(NumberFormat.percent(median))") }
        parts.append("\(NumberFormat.decimal(roster.postsPerWeek)) posts/wk")
        if !roster.tiers.isEmpty { parts.append(roster.tiersText) }
        return parts.joined(separator: " · ")
    }
}
