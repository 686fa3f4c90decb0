/// One character cell of a grid.
public struct Cell: Sendable, Hashable {
    /// What is drawn here: one spacing scalar and the zero-width ones on it, or a whole
    /// emoji picture; empty for a column covered by the wide cell before it.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// A column covered by the wide cell to its left, drawn by it.
    public static let continuation = Cell("")

    public var isContinuation: Bool { text.isEmpty }
}

/// A rectangle of styled cells that views draw into and a terminal draws from.
/// Text is measured by display width: a wide character spans two cells (an emoji
/// picture as many as it needs), and is never split at an edge.
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
    /// columns, ending in `ellipsis` when given and the text was cut; returns the column
    /// after the last one written. `text` must be sanitised.
    ///
    /// Text is placed as a terminal places it: each spacing scalar in a cell of its own,
    /// as wide as `DisplayWidth` says, and each zero-width scalar on the cell before it,
    /// so that a cell holds what one `cchar_t` holds and no scalar is lost. An emoji
    /// picture (and whatever a zero-width joiner joins) stays whole in one cell that
    /// spans its columns.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, ellipsis: String? = nil
    ) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        if let ellipsis, DisplayWidth.of(text) > limit - x {
            return put(ColumnFit.truncate(text, to: limit - x, ellipsis: ellipsis), x: x, y: y, style: style, maxWidth: limit - x)
        }
        var column = x
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                guard column < limit else { break }
                if column >= 0 {
                    clearWide(at: column, y: y)
                    self[column, y] = Cell(String(UnicodeScalar(byte)), style: style)
                }
                column += 1
            }
            return column
        }
        var last: Int?
        if !text.unicodeScalars.contains(where: DisplayWidth.makesAPicture) {
            // No picture: the clusters need not be found, each scalar is placed on its own.
            for scalar in text.unicodeScalars {
                guard placeUnit(String(scalar), columns: DisplayWidth.width(of: scalar), at: &column, last: &last, y: y, limit: limit, style: style)
                else { break }
            }
            return column
        }
        var joining = false
        placing: for character in text {
            defer { joining = Self.endsWithJoiner(character) }
            if joining, let head = last {
                let columns = DisplayWidth.of(character)
                guard column + columns <= limit else { break }
                column = place(self[head, y].text + String(character), columns: column + columns - head, at: head, y: y, style: style)
                continue
            }
            let scalars = character.unicodeScalars
            if scalars.index(after: scalars.startIndex) == scalars.endIndex || DisplayWidth.isPicture(character) {
                guard placeUnit(String(character), columns: DisplayWidth.of(character), at: &column, last: &last, y: y, limit: limit, style: style)
                else { break }
                continue
            }
            for scalar in character.unicodeScalars {
                guard placeUnit(String(scalar), columns: DisplayWidth.width(of: scalar), at: &column, last: &last, y: y, limit: limit, style: style)
                else { break placing }
            }
        }
        return column
    }

    /// Places one scalar or picture at `column` (a zero-width one on the cell before),
    /// moving `column` on; false when there is no room.
    private mutating func placeUnit(
        _ unit: String, columns: Int, at column: inout Int, last: inout Int?, y: Int, limit: Int, style: Style
    ) -> Bool {
        if columns == 0 {
            guard let next = putZeroWidth(unit, at: column, y: y, limit: limit, last: &last, style: style) else { return false }
            column = next
            return true
        }
        guard column + columns <= limit else { return false }
        last = column
        column = place(unit, columns: columns, at: column, y: y, style: style)
        return true
    }

    /// Whether a cluster ends in a zero-width joiner (UTF-8 E2 80 8D): a terminal joins
    /// whatever comes next to it.
    private static func endsWithJoiner(_ character: Character) -> Bool {
        let bytes = character.utf8
        guard bytes.count >= 3, bytes.last == 0x8D else { return false }
        return bytes.suffix(3).elementsEqual([0xE2, 0x80, 0x8D])
    }

    /// Puts a cell of `columns` columns at `x` (the ones after it are its continuation),
    /// clearing any wide cell it overlaps; returns the column after it.
    private mutating func place(_ text: String, columns: Int, at x: Int, y: Int, style: Style) -> Int {
        guard x >= 0 else { return x + columns }
        for column in x..<(x + columns) { clearWide(at: column, y: y) }
        self[x, y] = Cell(text, style: style)
        for column in (x + 1)..<(x + columns) { self[column, y] = Cell("", style: style) }
        return x + columns
    }

    /// Puts zero-width text on the cell before `column`: the last one this text wrote, or
    /// the one already there. With no cell before it (the first column) it goes on a
    /// space of its own, so that it is not lost. Returns the column after, or nil when
    /// there is no room.
    private mutating func putZeroWidth(_ text: String, at column: Int, y: Int, limit: Int, last: inout Int?, style: Style) -> Int? {
        if let head = last ?? headOfCell(at: column - 1, y: y) {
            self[head, y].text += text
            return column
        }
        guard column >= 0, column + 1 <= limit else { return nil }
        last = column
        return place(" " + text, columns: 1, at: column, y: y, style: style)
    }

    /// The column of the cell that draws column `x` (itself, or the wide cell it continues).
    private func headOfCell(at x: Int, y: Int) -> Int? {
        guard x >= 0, x < width else { return nil }
        var head = x
        while head > 0, self[head, y].isContinuation { head -= 1 }
        return self[head, y].isContinuation ? nil : head
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

    /// Keeps wide cells whole: overwriting any column of one blanks the rest of it.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width, self[x, y].isContinuation || x + 1 < width && self[x + 1, y].isContinuation else { return }
        var head = x
        while head > 0, self[head, y].isContinuation { head -= 1 }
        var end = x + 1
        while end < width, self[end, y].isContinuation { end += 1 }
        guard end - head > 1 else { return }
        for column in head..<end where column != x { self[column, y].text = " " }
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
                while start > 0, self[start, y].isContinuation { start -= 1 }
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

extension Grid {
    /// The whole of row `y`, for a terminal to redraw.
    public func rowChange(_ y: Int) -> GridChange {
        GridChange(x: 0, y: y, cells: Array(cells[(y * width)..<((y + 1) * width)]))
    }
}

/// Cells of one row to redraw, starting at a column.
public struct GridChange: Sendable, Hashable {
    public let x: Int
    public let y: Int
    public let cells: [Cell]
}
