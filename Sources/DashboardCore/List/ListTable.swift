import Presentation
import TextGrid

/// A column as a list shows it at some width: which one, under what title, how wide.
struct ShownColumn<Column: ListColumn>: Sendable {
    let column: Column
    let layout: TableColumn

    init(_ column: Column, _ title: String, width: Int?, alignRight: Bool = false) {
        self.column = column
        layout = TableColumn(title, width: width, alignRight: alignRight)
    }

    init(_ column: Column, _ title: String, minWidth: Int, maxWidth: Int?, alignRight: Bool = false) {
        self.column = column
        layout = TableColumn(title, minWidth: minWidth, maxWidth: maxWidth, alignRight: alignRight)
    }
}

extension ListState {
    /// Draws the list as a table in `area`: the columns' titles with the sort's arrow, the rows in view, the
    /// selected one highlighted; `cell` gives a row's cell in a column and `mark` what its margin shows (by default,
    /// the mark of a marked row).
    func draw(
        _ columns: [ShownColumn<Row.Column>], in area: Rect, into grid: inout Grid, _ shared: Shared, emptyText: String,
        cell: (Row, Row.Column) -> TableCell, mark: ((Row) -> TableCell?)? = nil
    ) {
        let table = Table(
            columns: columns.map(\.layout), rowCount: visible.count, scroll: scroll, selection: selection,
            sorted: sort.flatMap { sort in columns.firstIndex { $0.column == sort.column }.map { ($0, sort.ascending) } }, glyphs: shared.glyphs,
            theme: shared.theme, emptyText: emptyText)
        let markOf = mark ?? { markCell($0, shared) }
        table.draw(in: area, into: &grid) { position in
            let row = self[position]
            return columns.map { cell(row, $0.column) }
        } mark: { position in
            markOf(self[position])
        }
    }

    /// The mark in the margin of a marked row.
    func markCell(_ row: Row, _ shared: Shared) -> TableCell? {
        isMarked(row) ? TableCell(text: shared.glyphs.marked, style: shared.theme[.warning]) : nil
    }

    /// The rows a table in `area` shows at once (one line is the titles).
    static func rowsInView(_ area: Rect) -> Int {
        Table.rowsInView(area)
    }
}
