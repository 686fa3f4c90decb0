import Foundation
import Presentation
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
        Age.ago(row.lastRefreshedAt, now: state.now)
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

    func draw(in area: Rect, into grid: inout Grid) {
        let columns = Self.columns(forWidth: area.width)
        let table = Table(
            columns: columns.map { TableColumn($0.title, width: $0.width, alignRight: $0.alignRight) },
            rowCount: state.visibleCreators.count, scroll: state.creatorScroll, selection: state.creatorSelection,
            sorted: columns.firstIndex { $0.sort == state.creatorSort }.map { ($0, state.creatorsAscending) },
            glyphs: state.ascii ? .ascii : .unicode, theme: state.theme,
            emptyText: state.creators.isEmpty
                ? "No creators yet: they appear when a refresh of a creator succeeds." : "No creator matches '\(state.filter)'.")
        table.draw(in: area, into: &grid) { position in
            let row = state.creators[state.visibleCreators[position]]
            return columns.map { column in
                let change = row.followerChange ?? 0
                let style: Style = column.sort != .change ? .plain : change > 0 ? state.theme[.positive] : change < 0 ? state.theme[.negative] : .plain
                return TableCell(text: column.value(row, state), style: style)
            }
        } mark: { position in
            state.marked.contains(.creator(state.creators[state.visibleCreators[position]].id))
                ? TableCell(text: (state.ascii ? GlyphSet.ascii : .unicode).marked, style: state.theme[.warning]) : nil
        }
    }
}
