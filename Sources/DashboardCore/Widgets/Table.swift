import Presentation
import TextGrid

/// A cell of a table row, with its style.
struct TableCell: Sendable {
    let text: String
    var style: Style = .plain
}

/// One table for every list of the dashboard: a header with the sort marker, the rows in
/// view (only those are asked for), the selected one highlighted, a mark in the margin.
struct Table {
    var columns: [TableColumn]
    var rowCount: Int
    /// The first row in view.
    var scroll = 0
    var selection: Int?
    /// The column sorted by, and which way.
    var sorted: (column: Int, ascending: Bool)?
    var glyphs: GlyphSet
    var theme: Theme
    /// Shown when there are no rows.
    var emptyText = ""

    /// The rows a table in `area` shows at once (one row is the header).
    static func rowsInView(_ area: Rect) -> Int {
        max(1, area.height - 1)
    }

    /// Draws the table into `area`; `row` gives the cells of a row, and `mark` its mark.
    func draw(
        in area: Rect, into grid: inout Grid, row: (Int) -> [TableCell], mark: ((Int) -> TableCell?)? = nil
    ) {
        let layout = TableLayout(columns, width: area.width)
        for (index, column) in columns.enumerated() {
            let arrow = sorted.map { $0.column == index ? ($0.ascending ? glyphs.sortedAscending : glyphs.sortedDescending) : "" } ?? ""
            grid.put(layout.fit(column.title + arrow, column: index, ellipsis: glyphs.ellipsis), in: area, x: layout.offset(of: index), y: 0,
                     style: theme[.tableHeader])
        }
        guard rowCount > 0 else {
            grid.put(emptyText, in: area, x: TableLayout.margin, y: 2, style: theme[.dim], ellipsis: glyphs.ellipsis)
            return
        }
        for line in 0..<min(Self.rowsInView(area), max(0, rowCount - scroll)) {
            let position = scroll + line
            let y = 1 + line
            if let cell = mark?(position) { grid.put(cell.text, in: area, x: 0, y: y, style: cell.style) }
            for (index, cell) in row(position).enumerated() where index < columns.count {
                let placed = layout.place(cell.text, column: index, ellipsis: glyphs.ellipsis)
                grid.put(placed.text, in: area, x: placed.x, y: y, style: cell.style)
            }
            if position == selection { grid.paint(area, row: y, style: theme[.selected]) }
        }
    }
}
