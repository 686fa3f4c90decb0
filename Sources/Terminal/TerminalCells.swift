import CNcursesw
import TextGrid

/// Which cells of a grid ncurses can draw: one `cchar_t` holds one spacing character
/// that ncurses measures with wcwidth() and up to four zero-width ones.
enum TerminalCells {
    /// Whether ncurses draws `cell`, `columns` wide, exactly as the grid placed it: its
    /// first scalar has that width by wcwidth(), every other one is zero-width and none
    /// is a joiner or an emoji variation selector (terminals widen or join those).
    static func fitsOneCchar(_ cell: Cell, columns: Int) -> Bool {
        if cell.text.utf8.count == 1 { return columns == 1 }
        var count = 0
        for scalar in cell.text.unicodeScalars {
            count += 1
            let width = ylytic_wcwidth(scalar.value)
            if count == 1 {
                guard width == columns else { return false }
            } else if count > 5 || width != 0 || scalar.value == 0x200D || scalar.value == 0xFE0F {
                return false
            }
        }
        return count > 0
    }

    /// The columns the cell at `index` spans: itself and the continuation cells after it.
    static func columns(of index: Int, in cells: [Cell]) -> Int {
        var end = index + 1
        while end < cells.count, cells[end].isContinuation { end += 1 }
        return end - index
    }

    /// Whether any cell of a run must be written past ncurses.
    static func needsText(_ cells: [Cell]) -> Bool {
        cells.indices.contains { index in
            !cells[index].isContinuation && cells[index].text.utf8.count > 1
                && !fitsOneCchar(cells[index], columns: columns(of: index, in: cells))
        }
    }
}
