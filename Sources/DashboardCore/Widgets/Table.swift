import TextGrid

/// A column of a table: its title, the widths it may take and its alignment.
struct TableColumn: Sendable {
    let title: String
    let minWidth: Int
    /// The most columns it takes; nil for the column that takes what the others leave.
    let maxWidth: Int?
    let alignRight: Bool

    /// A column exactly `width` wide, or (nil) one that takes the room left, at least eight.
    init(_ title: String, width: Int?, alignRight: Bool = false) {
        self.init(title, minWidth: width ?? 8, maxWidth: width, alignRight: alignRight)
    }

    init(_ title: String, minWidth: Int, maxWidth: Int?, alignRight: Bool = false) {
        self.title = title
        self.minWidth = minWidth
        self.maxWidth = maxWidth
        self.alignRight = alignRight
    }
}

/// Where the columns of a table go in a width: a margin of two (for a row's mark), then
/// the columns two apart. Each column gets its least width; what is left goes to the
/// columns with a most width in order up to it, then is shared by those without one.
struct TableLayout: Sendable {
    static let margin = 2
    static let gap = 2

    let columns: [TableColumn]
    let widths: [Int]

    init(_ columns: [TableColumn], width: Int) {
        self.columns = columns
        var widths = columns.map(\.minWidth)
        var left = width - Self.margin - widths.reduce(0, +) - Self.gap * max(0, columns.count - 1)
        for index in columns.indices where left > 0 {
            guard let most = columns[index].maxWidth else { continue }
            let grown = min(left, max(0, most - widths[index]))
            widths[index] += grown
            left -= grown
        }
        let flexible = columns.indices.filter { columns[$0].maxWidth == nil }
        for (position, index) in flexible.enumerated() where left > 0 {
            widths[index] += left / flexible.count + (position < left % flexible.count ? 1 : 0)
        }
        self.widths = widths
    }

    /// The column where column `index` starts.
    func offset(of index: Int) -> Int {
        Self.margin + widths.prefix(index).reduce(0, +) + Self.gap * index
    }

    /// `text` fitted to column `index`: cut with `ellipsis` and padded to its width.
    func fit(_ text: String, column index: Int, ellipsis: String) -> String {
        ColumnFit.pad(text, to: widths[index], alignRight: columns[index].alignRight, ellipsis: ellipsis)
    }
}

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
                grid.put(layout.fit(cell.text, column: index, ellipsis: glyphs.ellipsis), in: area, x: layout.offset(of: index), y: y,
                         style: cell.style)
            }
            if position == selection { grid.paint(area, row: y, style: theme[.selected]) }
        }
    }
}
