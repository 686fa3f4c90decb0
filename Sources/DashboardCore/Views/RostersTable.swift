import Foundation
import Presentation
import TextGrid

/// Draws the Rosters list: each roster summed up (creators, stale, followers, median engagement, posts a week,
/// tiers).
struct RostersTable {
    let state: DashboardState

    private struct Column {
        let column: TableColumn
        let value: (RosterRow) -> String
    }

    private static func columns(forWidth width: Int) -> [Column] {
        let name = Column(column: TableColumn("ROSTER", width: nil)) { SafeText.sanitize($0.name) }
        let creators = Column(column: TableColumn("CREATORS", width: 8, alignRight: true)) { String($0.members.count) }
        let stale = Column(column: TableColumn("STALE", width: 5, alignRight: true)) { $0.maxAge == nil ? "" : String($0.stale) }
        let followers = Column(column: TableColumn("FOLLOWERS", width: 9, alignRight: true)) {
            NumberFormat.compact(Double($0.totalFollowers))
        }
        let engagement = Column(column: TableColumn("MEDIAN ER", width: 9, alignRight: true)) {
            $0.medianEngagement.map { NumberFormat.percent($0) } ?? ""
        }
        let perWeek = Column(column: TableColumn("POSTS/WK", width: 8, alignRight: true)) { NumberFormat.decimal($0.postsPerWeek) }
        let tiers = Column(column: TableColumn("TIERS", width: nil)) { roster in
            roster.tiers.map { "\(SafeText.sanitize($0.name)) \($0.count)" }.joined(separator: ", ")
        }
        if width >= 110 { return [name, creators, stale, followers, engagement, perWeek, tiers] }
        if width >= 70 { return [name, creators, stale, followers, engagement, perWeek] }
        return [name, creators, stale]
    }

    func draw(in area: Rect, into grid: inout Grid) {
        let columns = Self.columns(forWidth: area.width)
        let shown = state.visibleRosters
        let table = Table(
            columns: columns.map(\.column), rowCount: shown.count, scroll: state.rosterScroll,
            selection: state.rosterSelection, sorted: nil, glyphs: state.ascii ? .ascii : .unicode, theme: state.theme,
            emptyText: state.rosters.isEmpty
                ? "No rosters yet: ylytic roster import NAME FILE, or a on the Creators list."
                : "No roster matches '\(SafeText.sanitize(state.filter))'.")
        table.draw(in: area, into: &grid) { position in
            let roster = shown[position]
            return columns.enumerated().map { index, column in
                TableCell(text: column.value(roster), style: index == 2 && roster.stale > 0 ? state.theme[.stale] : .plain)
            }
        }
    }
}
