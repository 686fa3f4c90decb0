import TextGrid

/// Columns of already-safe text, aligned by display width, for list-like commands.
struct PlainTable {
    let headers: [String]
    let rows: [[String]]
    /// Columns aligned to the right (numbers).
    var rightAligned: Set<Int> = []

    func lines() -> [String] {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map { DisplayWidth.of($0) }.max() ?? 0
        }
        return ([headers] + rows).map { cells in
            var line = ""
            for (column, cell) in cells.enumerated() {
                let isLast = column == cells.count - 1
                line += isLast && !rightAligned.contains(column)
                    ? cell : ColumnFit.pad(cell, to: widths[column], alignRight: rightAligned.contains(column))
                if !isLast { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
