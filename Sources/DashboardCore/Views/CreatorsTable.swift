import Foundation
import RefreshAPI
import TextGrid

/// Draws the creators list: every creator in the store with the figures of its latest refresh.
struct CreatorsTable {
    let state: DashboardState

    private struct Column: Sendable {
        let title: String
        let width: Int?
        let alignRight: Bool
        let sort: DashboardState.CreatorSortColumn?
        let value: @Sendable (CreatorRow, DashboardState) -> String
    }

    private static let name = Column(title: "NAME", width: 20, alignRight: false, sort: .name) { row, _ in
        SafeText.sanitize(row.name ?? "")
    }
    private static let handle = Column(title: "HANDLE", width: 18, alignRight: false, sort: nil) { row, _ in
        SafeText.sanitize(row.platform == .instagram ? "@" + (row.handle ?? row.key) : row.handle ?? row.key)
    }
    private static let platform = Column(title: "PLATFORM", width: 9, alignRight: false, sort: .platform) { row, _ in
        row.platform.displayName
    }
    private static let tier = Column(title: "TIER", width: 10, alignRight: false, sort: .tier) { row, _ in
        SafeText.sanitize(row.tier ?? "")
    }
    private static let followers = Column(title: "FOLLOWERS", width: 10, alignRight: true, sort: .followers) { row, _ in
        row.followers.map { NumberFormat.compact(Double($0)) } ?? ""
    }
    private static let engagement = Column(title: "ENG.", width: 7, alignRight: true, sort: .engagement) { row, _ in
        row.engagement.map { NumberFormat.percent($0) } ?? ""
    }
    private static let perWeek = Column(title: "POSTS/WK", width: 8, alignRight: true, sort: nil) { row, _ in
        row.contentPerWeek.map { NumberFormat.decimal($0) } ?? ""
    }
    private static let change = Column(title: "CHANGE", width: 9, alignRight: true, sort: .change) { row, _ in
        row.followerChange.map { ($0 > 0 ? "+" : "") + NumberFormat.compact(Double($0)) } ?? ""
    }
    private static let refreshed = Column(title: "REFRESHED", width: nil, alignRight: false, sort: .refreshed) { row, state in
        RequestsScreen.age(state.now.timeIntervalSince(row.lastRefreshedAt)) + " ago"
    }

    /// The columns the list can be sorted by at this width: those shown.
    static func sortColumns(forWidth width: Int) -> [DashboardState.CreatorSortColumn] {
        columns(forWidth: width).compactMap(\.sort)
    }

    private static func columns(forWidth width: Int) -> [Column] {
        if width >= 110 {
            return [Self.name, Self.handle, Self.platform, Self.tier, Self.followers, Self.engagement, Self.perWeek, Self.change, Self.refreshed]
        }
        if width >= 80 {
            return [
                Column(title: "NAME", width: nil, alignRight: false, sort: .name, value: Self.name.value),
                Column(title: "HANDLE", width: 16, alignRight: false, sort: nil, value: Self.handle.value), Self.followers,
                Column(title: "CHANGE", width: 8, alignRight: true, sort: .change, value: Self.change.value),
                Column(title: "REFRESHED", width: 10, alignRight: false, sort: .refreshed, value: Self.refreshed.value),
            ]
        }
        return [Column(title: "HANDLE", width: nil, alignRight: false, sort: nil, value: Self.handle.value), Self.followers]
    }

    func draw(into grid: inout Grid) {
        let columns = Self.columns(forWidth: state.width)
        let fixed = columns.compactMap(\.width).reduce(0, +) + 2 * (columns.count - 1) + 2
        let widths = columns.map { $0.width ?? max(8, state.width - fixed) }
        var x = 2
        for (column, width) in zip(columns, widths) {
            let arrow = column.sort == state.creatorSort ? (state.creatorsAscending ? (state.ascii ? "^" : "↑") : (state.ascii ? "v" : "↓")) : ""
            grid.put(ColumnFit.pad(column.title + arrow, to: width, alignRight: column.alignRight), x: x, y: 1, style: Theme.tableHeader)
            x += width + 2
        }
        guard !state.visibleCreators.isEmpty else {
            let text = state.creators.isEmpty
                ? "No creators yet: they appear when a refresh of a creator succeeds."
                : "No creator matches '\(state.filter)'."
            grid.put(text, x: 2, y: 3, style: Theme.dim)
            return
        }
        for line in 0..<DashboardReducer.pageSize(state) {
            let position = state.creatorScroll + line
            guard position < state.visibleCreators.count else { break }
            let row = state.creators[state.visibleCreators[position]]
            var x = 2
            for (column, width) in zip(columns, widths) {
                let text = ColumnFit.pad(column.value(row, state), to: width, alignRight: column.alignRight, ellipsis: state.ascii ? "~" : "…")
                let style: Style =
                    column.sort == .change
                    ? ((row.followerChange ?? 0) > 0 ? Style(foreground: .green) : (row.followerChange ?? 0) < 0 ? Style(foreground: .red) : .plain)
                    : .plain
                grid.put(text, x: x, y: 2 + line, style: style)
                x += width + 2
            }
            if position == state.creatorSelection { grid.paint(x: 0, y: 2 + line, count: grid.width, style: Theme.selected) }
        }
    }
}
