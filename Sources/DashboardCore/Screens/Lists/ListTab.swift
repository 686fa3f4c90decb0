import Foundation
import Presentation
import TextGrid

/// One of the lists under the tabs (Requests, Creators, Rosters): a component drawn into the area the tabs leave
/// it, below the header and beside the preview pane, around one ``ListState``.
protocol ListTab: Sendable, Equatable {
    associatedtype Row: ListRow where Row.ID: Hashable

    var list: ListState<Row> { get set }

    /// The columns shown at a width.
    func columns(forWidth width: Int) -> [ShownColumn<Row.Column>]

    /// What a row is called, for "No creator matches …".
    static var rowName: String { get }

    /// The commands it handles now, besides those of the tabs.
    func offers(_ shared: Shared) -> [Offer]

    /// Runs a command it offers that is not one every list has (``ListState/run(_:rowsInView:columns:_:)``); the list
    /// is drawn in `area`.
    mutating func run(_ command: Command, area: Rect, _ shared: inout Shared) -> Outcome

    /// Takes in what changed outside (its rows); the list is drawn in `area`.
    mutating func take(_ event: ScreenEvent, area: Rect, _ shared: Shared)

    /// What the list says while it has no rows at all.
    func emptyText(_ shared: Shared) -> String

    /// A row's cell in a column.
    func cell(_ row: Row, _ column: Row.Column, _ shared: Shared) -> TableCell

    /// What a row's margin shows; the mark of a marked row unless said otherwise.
    func mark(_ row: Row, _ shared: Shared) -> TableCell?

    /// The request whose stored response the preview pane shows for the selection, if any.
    var previewSubject: String? { get }

    /// What the preview pane says while it has no page to show (what is known of a request, or that it is read).
    func previewLines(_ shared: Shared) -> [String]
}

extension ListTab {
    /// Runs a command every list has: a move, the filter, the sort, a mark; false for any other.
    mutating func runListCommand(_ command: Command, area: Rect, _ shared: inout Shared) -> Bool {
        list.run(command, rowsInView: ListState<Row>.rowsInView(area), columns: columns(forWidth: area.width).map(\.column), &shared)
    }

    func mark(_ row: Row, _ shared: Shared) -> TableCell? {
        list.markCell(row, shared)
    }

    func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        let empty = list.rows.isEmpty ? emptyText(shared) : "No \(Self.rowName) matches '\(SafeText.sanitize(list.filter))'."
        list.draw(columns(forWidth: area.width), in: area, into: &grid, shared, emptyText: empty) { row, column in
            cell(row, column, shared)
        } mark: { row in
            mark(row, shared)
        }
    }

    /// Whether keys go to its filter.
    var isTyping: Bool { list.isEditingFilter }

    /// A key while its filter is typed.
    mutating func type(_ key: Key, area: Rect, now: Date) {
        list.typeIntoFilter(key, rowsInView: ListState<Row>.rowsInView(area), now: now)
    }

    /// What changed outside, taken in, the selection kept in view.
    mutating func hear(_ event: ScreenEvent, area: Rect, _ shared: Shared) {
        take(event, area: area, shared)
        list.keepInView(rowsInView: ListState<Row>.rowsInView(area))
    }

    /// A click or a wheel turn at a cell of `area`; true when it opens the row (a click on the selected one).
    mutating func point(_ mouse: MouseInput, area: Rect) -> Bool {
        list.point(mouse, top: area.y + 1, rowsInView: ListState<Row>.rowsInView(area))
    }

    /// The filter as the status bar shows it, while there is one.
    func statusLine(_ shared: Shared) -> String? {
        list.filterLine(cursor: shared.frame.cursor)
    }
}
