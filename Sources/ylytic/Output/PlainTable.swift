import Presentation
import TextGrid

/// Columns of already-safe text, aligned by display width, for list-like commands. Given a width (the terminal's)
/// the table gives way in the order it states (``Step``: a column dropped, or its values shortened, such as dates
/// as ages), then cuts the columns that may be cut, with an ellipsis, never below their headers or their own
/// least width. A column that is neither dropped nor cut is shown whole, so nothing that fits is ever cut, and no
/// line is wider than the width.
struct PlainTable {
    /// One column: its header, its cells, shorter cells to fall back on, and how it may give way.
    struct Column {
        let header: String
        var cells: [String]
        /// The same values, shorter (an age for a date), used when the table's steps say.
        var shortCells: [String]?
        var alignRight: Bool
        /// The narrowest an ellipsis may cut it to (never below its header); nil: shown whole or not at all.
        var cutTo: Int?

        init(_ header: String, _ cells: [String], short: [String]? = nil, alignRight: Bool = false, cutTo: Int? = nil) {
            self.header = header
            self.cells = cells
            shortCells = short
            self.alignRight = alignRight
            self.cutTo = cutTo
        }
    }

    /// How a table gives way to a narrow terminal, one step at a time, before it cuts anything.
    enum Step: Equatable {
        /// The column with this header goes.
        case drop(String)
        /// The column with this header shows its short cells.
        case shorten(String)
    }

    var columns: [Column]
    /// The widest a line may be; nil for no limit (a pipe or a file).
    var maxWidth: Int? = nil
    /// In order, what gives way when the table is wider than `maxWidth`.
    var giveWay: [Step] = []

    /// The columns that fit: after as many of the steps as needed, cut where they may be.
    func fitted() -> (columns: [Column], widths: [Int]) {
        var shown = columns
        func widest(_ column: Column) -> Int { ([column.header] + column.cells).map(DisplayWidth.of).max() ?? 0 }
        func total(_ columns: [Column], _ widths: [Int]) -> Int { widths.reduce(0, +) + 2 * max(0, columns.count - 1) }
        guard let maxWidth else { return (shown, shown.map(widest)) }
        // Each step is taken while the columns do not fit whole: a column is cut only when every step is taken.
        for step in giveWay where total(shown, shown.map(widest)) > maxWidth {
            switch step {
            case .drop(let header):
                if shown.count > 1 { shown.removeAll { $0.header == header } }
            case .shorten(let header):
                if let index = shown.firstIndex(where: { $0.header == header }), let short = shown[index].shortCells {
                    shown[index].cells = short
                }
            }
        }
        var widths = shown.map(widest)
        var excess = total(shown, widths) - maxWidth
        // Then the widest of the columns that may be cut gives up room first, until they all fit or are at their
        // narrowest.
        let narrowest = shown.map { column in column.cutTo.map { max($0, DisplayWidth.of(column.header)) } }
        while excess > 0 {
            let cuttable = shown.indices.filter { index in narrowest[index].map { widths[index] > $0 } ?? false }
            guard let cut = cuttable.max(by: { widths[$0] < widths[$1] }) else { break }
            let runnerUp = cuttable.filter { $0 != cut }.map { widths[$0] }.max() ?? 0
            let room = max(1, min(excess, widths[cut] - max(narrowest[cut]!, runnerUp - 1)))
            widths[cut] -= room
            excess -= room
        }
        return (shown, widths)
    }

    func lines() -> [String] {
        let (shown, widths) = fitted()
        let rowCount = shown.first?.cells.count ?? 0
        let rows = [shown.map(\.header)] + (0..<rowCount).map { row in shown.map { $0.cells[row] } }
        return rows.map { cells in
            var line = ""
            for (column, cell) in cells.enumerated() {
                line += ColumnFit.pad(cell, to: widths[column], alignRight: shown[column].alignRight)
                if column < cells.count - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            // What still does not fit (a terminal narrower than the columns that are never cut) is cut at its end.
            if let maxWidth, DisplayWidth.of(line) > maxWidth { line = ColumnFit.truncate(line, to: maxWidth) }
            return line
        }
    }

    /// The lines as a terminal shows them: the headers as labels, each row in the role `rowRole` gives it (by its
    /// place among the rows, from 0).
    func styledLines(rowRole: (Int) -> TextRole = { _ in .plain }) -> [StyledLine] {
        lines().enumerated().map { index, line in StyledLine(line, role: index == 0 ? .label : rowRole(index - 1)) }
    }

    /// The table of `rows` under `headers`, each column shown whole.
    static func whole(headers: [String], rows: [[String]]) -> PlainTable {
        PlainTable(columns: headers.indices.map { column in Column(headers[column], rows.map { $0[column] }) })
    }
}
