import Presentation
import TextGrid

/// Columns of already-safe text, aligned by display width, for list-like commands. Given a width (the
/// terminal's), the widest columns give up room first, their cells cut with an ellipsis, so that no line wraps.
struct PlainTable {
    let headers: [String]
    let rows: [[String]]
    /// Columns aligned to the right (numbers).
    var rightAligned: Set<Int> = []
    /// The widest a line may be; nil for no limit (a pipe or a file).
    var maxWidth: Int? = nil
    /// Columns never cut, because a cut one is of no use (a request id to copy).
    var keptWhole: Set<Int> = []
    /// Whether a column is never cut narrower than its header.
    var keepsHeaders = false

    /// The narrowest a column is cut to.
    private static let narrowest = 6

    func lines() -> [String] {
        let widths = fittedWidths()
        return ([headers] + rows).map { cells in
            var line = ""
            for (column, cell) in cells.enumerated() {
                let isLast = column == cells.count - 1
                line += ColumnFit.pad(cell, to: widths[column], alignRight: rightAligned.contains(column))
                if !isLast { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The lines as a terminal shows them: the headers as labels, each row in the role `rowRole` gives it (by its
    /// place among the rows, from 0).
    func styledLines(rowRole: (Int) -> TextRole = { _ in .plain }) -> [StyledLine] {
        lines().enumerated().map { index, line in StyledLine(line, role: index == 0 ? .label : rowRole(index - 1)) }
    }

    /// Each column as wide as its widest cell, then the widest ones narrowed, one column at a time, until the
    /// table fits `maxWidth` or every column is at its narrowest (six, or its header's width when headers are kept).
    private func fittedWidths() -> [Int] {
        var widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map { DisplayWidth.of($0) }.max() ?? 0
        }
        guard let maxWidth else { return widths }
        var total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        let narrowest = headers.map { keepsHeaders ? max(Self.narrowest, DisplayWidth.of($0)) : Self.narrowest }
        let cuttable = widths.indices.filter { !keptWhole.contains($0) }
        while total > maxWidth,
            let widest = cuttable.filter({ widths[$0] > narrowest[$0] }).max(by: { widths[$0] < widths[$1] })
        {
            let runnerUp = cuttable.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
            let cut = min(total - maxWidth, widths[widest] - max(narrowest[widest], runnerUp - 1))
            widths[widest] -= max(1, cut)
            total -= max(1, cut)
        }
        return widths
    }
}
