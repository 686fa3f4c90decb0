/// One character cell of a grid.
public struct Cell: Sendable, Hashable {
    /// The grapheme drawn here; empty for the right half of a wide character.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// The cell to the right of a wide character, drawn by it.
    public static let continuation = Cell("")

    public var isContinuation: Bool { text.isEmpty }
}

/// A rectangle of styled cells that views draw into and a terminal draws from.
/// Text is measured by display width: a wide character takes two cells, and is
/// never split at an edge.
public struct Grid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from column `x` of row `y`, clipped to the grid and to `maxWidth`
    /// columns; returns the column after the last one written. `text` must be sanitised.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        for character in text {
            let columns = DisplayWidth.of(character)
            if columns == 0 {
                if column > 0, column - 1 < limit, column - 1 >= 0, !self[column - 1, y].isContinuation {
                    self[column - 1, y].text.append(character)
                }
                continue
            }
            if column + columns > limit { break }
            if column >= 0 {
                clearWide(at: column, y: y)
                self[column, y] = Cell(String(character), style: style)
                if columns == 2 {
                    clearWide(at: column + 1, y: y)
                    self[column + 1, y] = Cell("", style: style)
                }
            }
            column += columns
        }
        return column
    }

    /// Paints `count` cells of row `y` from `x` with `style`, keeping their text.
    public mutating func paint(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) { self[column, y].style = style }
    }

    /// Fills a rectangle with a cell.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, with cell: Cell = Cell()) {
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) {
                clearWide(at: column, y: row)
                self[column, row] = cell
            }
        }
    }

    /// Keeps wide characters whole: overwriting either half of one blanks the other.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        if self[x, y].isContinuation, x > 0 { self[x - 1, y].text = " " }
        if x + 1 < width, self[x + 1, y].isContinuation, !self[x, y].isContinuation { self[x + 1, y].text = " " }
    }

    /// Each row as plain text, trailing spaces kept: what a person would read.
    public var lines: [String] {
        (0..<height).map { y in (0..<width).map { self[$0, y].text }.joined() }
    }

    /// The rows as text with trailing spaces removed, joined by newlines: for reference screens.
    public var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }

    /// The runs of cells that differ from `previous`, row by row, for a terminal to
    /// redraw only what changed. A different size changes everything.
    public func changes(since previous: Grid?) -> [GridChange] {
        var changes: [GridChange] = []
        let sameSize = previous.map { $0.width == width && $0.height == height } ?? false
        for y in 0..<height {
            var x = 0
            while x < width {
                if sameSize, previous![x, y] == self[x, y] {
                    x += 1
                    continue
                }
                var start = x
                if self[start, y].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                while end < width, !(sameSize && previous![end, y] == self[end, y]) { end += 1 }
                while end < width, self[end, y].isContinuation { end += 1 }
                changes.append(GridChange(x: start, y: y, cells: Array(cells[(y * width + start)..<(y * width + end)])))
                x = end
            }
        }
        return changes
    }
}

/// Cells of one row to redraw, starting at a column.
public struct GridChange: Sendable, Hashable {
    public let x: Int
    public let y: Int
    public let cells: [Cell]
}
