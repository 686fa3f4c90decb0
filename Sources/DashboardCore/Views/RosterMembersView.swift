import Foundation
import Presentation
import RefreshAPI
import TextGrid

/// Draws a roster opened as a list of its creators: a title bar with the roster summed up, a table of its
/// creators (marked ones in the margin, stale ones coloured and said so), and a status bar.
struct RosterMembersView {
    let state: DashboardState

    private struct Column {
        let column: TableColumn
        let value: (RosterRow.Member, DashboardState) -> String
    }

    private static func columns(forWidth width: Int) -> [Column] {
        let creator = Column(column: TableColumn("CREATOR", minWidth: 14, maxWidth: 24)) { member, _ in
            let handle = member.creator?.handle
            if let handle, member.creator?.platform == .instagram { return SafeText.sanitize("@" + handle) }
            if member.target.type == .instagram { return SafeText.sanitize("@" + member.target.value) }
            return SafeText.sanitize(handle ?? member.target.value)
        }
        let name = Column(column: TableColumn("NAME", width: nil)) { member, _ in SafeText.sanitize(member.creator?.name ?? "") }
        let followers = Column(column: TableColumn("FOLLOWERS", width: 9, alignRight: true)) { member, _ in
            member.creator?.followers.map { NumberFormat.compact(Double($0)) } ?? ""
        }
        let engagement = Column(column: TableColumn("ENG.", width: 6, alignRight: true)) { member, _ in
            member.creator?.engagement.map { NumberFormat.percent($0) } ?? ""
        }
        let perWeek = Column(column: TableColumn("POSTS/WK", width: 8, alignRight: true)) { member, _ in
            member.creator?.contentPerWeek.map { NumberFormat.decimal($0) } ?? ""
        }
        let tier = Column(column: TableColumn("TIER", width: 9)) { member, _ in SafeText.sanitize(member.creator?.tier ?? "") }
        let refreshed = Column(column: TableColumn("REFRESHED", width: 15)) { member, state in
            FreshnessText.of(refreshedAt: member.creator?.lastRefreshedAt, isStale: member.isStale, now: state.now)
        }
        if width >= 110 { return [creator, name, followers, engagement, perWeek, tier, refreshed] }
        if width >= 70 { return [creator, name, followers, engagement, refreshed] }
        return [creator, followers, refreshed]
    }

    func draw(_ screen: RosterScreen, in area: Rect, into grid: inout Grid) {
        grid.fill(area)
        let glyphs: GlyphSet = state.ascii ? .ascii : .unicode
        let roster = state.roster(named: screen.name)
        var x = grid.put(" ylytic ", in: area, x: 0, y: 0, style: state.theme[.title])
        x = grid.put(" roster ", in: area, x: x, y: 0, style: state.theme[.dim])
        x = grid.put(SafeText.sanitize(screen.name), in: area, x: x, y: 0, style: state.theme[.activeTab])
        if let roster {
            grid.put("  " + Self.summary(roster, marked: markedCount(roster)), in: area, x: x, y: 0, style: state.theme[.dim],
                     ellipsis: glyphs.ellipsis)
        }
        let members = roster?.members ?? []
        let columns = Self.columns(forWidth: area.width)
        let table = Table(
            columns: columns.map(\.column), rowCount: members.count, scroll: screen.scroll, selection: screen.selection,
            sorted: nil, glyphs: glyphs, theme: state.theme,
            emptyText: roster == nil ? "This roster was deleted." : "No creators in this roster yet: ylytic roster add \(screen.name) @handle…")
        let body = area.inset(top: 1, bottom: 1)
        table.draw(in: body, into: &grid) { position in
            let member = members[position]
            return columns.enumerated().map { index, column in
                TableCell(
                    text: column.value(member, state),
                    style: member.isStale && index == columns.count - 1 ? state.theme[.stale] : .plain)
            }
        } mark: { position in
            state.marked.contains(members[position].markKey) ? TableCell(text: glyphs.marked, style: state.theme[.warning]) : nil
        }
        StatusLine.draw(state, in: area.row(area.height - 1), into: &grid)
    }

    private func markedCount(_ roster: RosterRow) -> Int {
        roster.members.filter { state.marked.contains($0.markKey) }.count
    }

    /// "12 creators · 3 stale · 1.2M followers · median ER 2.10% · 14.0 posts/wk · nano 3, micro 5".
    static func summary(_ roster: RosterRow, marked: Int) -> String {
        var parts = ["\(roster.members.count) creators"]
        if marked > 0 { parts.append("\(marked) marked") }
        if roster.maxAge != nil { parts.append("\(roster.stale) stale") }
        parts.append("\(NumberFormat.compact(Double(roster.totalFollowers))) followers")
        if let median = roster.medianEngagement { parts.append("median ER \(NumberFormat.percent(median))") }
        parts.append("\(NumberFormat.decimal(roster.postsPerWeek)) posts/wk")
        if !roster.tiers.isEmpty { parts.append(roster.tiers.map { "\(SafeText.sanitize($0.name)) \($0.count)" }.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }
}
