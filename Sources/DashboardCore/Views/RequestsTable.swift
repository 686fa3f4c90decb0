import Foundation
import Presentation
import RefreshAPI
import TextGrid

/// Draws the requests list: every tracked request, its state and when it was submitted and answered.
struct RequestsTable {
    let state: DashboardState

    /// The columns that fit a width, widest layout first. FOLLOWERS has room for its sort arrow.
    static func columns(forWidth width: Int) -> [RequestColumn] {
        if width >= 140 {
            return [
                .type(14), .target(24), .name(20), .state(nil), .submitted(10), .submitter(16), .finished(10), .followers(10),
            ]
        }
        if width >= 110 {
            return [.type(14), .target(24), .name(20), .state(nil), .submitted(10), .finished(10), .followers(10)]
        }
        if width >= 80 { return [.type(14), .target(22), .state(nil), .submitted(10), .followers(10)] }
        if width >= 60 { return [.target(nil), .state(22), .followers(10)] }
        return [.target(nil), .state(14)]
    }

    /// The columns the list can be sorted by at this width: those shown.
    static func sortColumns(forWidth width: Int) -> [DashboardState.SortColumn] {
        columns(forWidth: width).compactMap(\.sortColumn)
    }

    func draw(in area: Rect, into grid: inout Grid) {
        let columns = Self.columns(forWidth: area.width)
        let frame = state.ascii ? Frame.ascii : Frame.unicode
        let table = Table(
            columns: columns.map(\.tableColumn), rowCount: state.visible.count, scroll: state.scroll, selection: state.selection,
            sorted: columns.firstIndex { $0.sortColumn == state.sort }.map { ($0, state.ascending) },
            glyphs: state.ascii ? .ascii : .unicode, theme: state.theme,
            emptyText: state.rows.isEmpty ? "No requests yet. Press n to submit one." : "No request matches '\(state.filter)'.")
        let isMarked = { (row: RequestRow) in row.changedAt.map { state.now.timeIntervalSince($0) < RequestsScreen.markDuration } ?? false }
        table.draw(in: area, into: &grid) { position in
            let row = state.rows[state.visible[position]]
            let marked = isMarked(row)
            return columns.map { column in
                TableCell(text: cell(column, row), style: column.isState ? state.theme.phase(row.phase) : (marked ? Style(bold: true) : .plain))
            }
        } mark: { position in
            let row = state.rows[state.visible[position]]
            return isMarked(row) ? TableCell(text: frame.mark, style: state.theme.phase(row.phase)) : nil
        }
    }

    /// What is known of a request, a line per fact ("Type       instagram"), for its detail and the preview pane.
    static func facts(of row: RequestRow, now: Date) -> [String] {
        var lines = [
            "Type       \(row.typeName)", "Target     \(SafeText.sanitize(row.target))",
            "Request    \(row.requestID.map { SafeText.sanitize($0) } ?? "not yet known")",
            "State      \(stateText(row, now: now))",
            "Submitted  \(Timestamp.text(row.submittedAt))",
        ]
        if let submitter = row.submittedBy { lines.append("By         \(SafeText.sanitize(submitter))") }
        if let finished = row.finishedAt { lines.append("Finished   \(Timestamp.text(finished))") }
        if let name = row.creatorName { lines.append("Creator    \(SafeText.sanitize(name))") }
        if let followers = row.followers {
            lines.append("Followers  \(NumberFormat.compact(Double(followers))) (\(NumberFormat.grouped(followers)))")
        }
        if let detail = row.detail { lines.append("Detail     \(SafeText.sanitize(detail))") }
        return lines
    }

    /// What the STATE column says of a row: its phase, how long it has waited, why it failed or is retrying.
    static func stateText(_ row: RequestRow, now: Date) -> String {
        RequestStateText.of(row.phase, detail: row.detail, failedPolls: row.failedPolls, submittedAt: row.submittedAt, now: now)
    }

    private func cell(_ column: RequestColumn, _ row: RequestRow) -> String {
        switch column {
        case .type: return row.typeName
        case .target: return SafeText.sanitize(row.target)
        case .name: return SafeText.sanitize(row.creatorName ?? "")
        case .state: return Self.stateText(row, now: state.now)
        case .submitted: return Age.ago(row.submittedAt, now: state.now)
        case .finished: return row.finishedAt.map { Age.ago($0, now: state.now) } ?? ""
        case .followers: return row.followers.map { NumberFormat.compact(Double($0)) } ?? ""
        case .submitter: return SafeText.sanitize(row.submittedBy ?? "")
        }
    }
}

/// A column of the requests list, with its width (nil: what the others leave).
enum RequestColumn {
    case type(Int?), target(Int?), name(Int?), state(Int?), submitted(Int?), submitter(Int?), finished(Int?)
    case followers(Int?)

    var tableColumn: TableColumn {
        switch self {
        case .type(let width): TableColumn("TYPE", width: width)
        case .target(let width): TableColumn("TARGET", width: width)
        case .name(let width): TableColumn("NAME", width: width)
        case .state(let width): TableColumn("STATE", width: width)
        case .submitted(let width): TableColumn("SUBMITTED", width: width)
        case .submitter(let width): TableColumn("BY", width: width)
        case .finished(let width): TableColumn("FINISHED", width: width)
        case .followers(let width): TableColumn("FOLLOWERS", width: width, alignRight: true)
        }
    }

    var isState: Bool {
        if case .state = self { return true }
        return false
    }

    var sortColumn: DashboardState.SortColumn? {
        switch self {
        case .type: .type
        case .target: .target
        case .name: .name
        case .state: .state
        case .submitted: .submitted
        case .followers: .followers
        case .finished, .submitter: nil
        }
    }
}
