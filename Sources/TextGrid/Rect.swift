/// A rectangle of a grid that a view draws into: its top-left cell and its size.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The column after the last one.
    public var right: Int { x + width }
    /// The row after the last one.
    public var bottom: Int { y + height }

    /// The rectangle without `top` rows above and `bottom` rows below.
    public func inset(top: Int = 0, bottom: Int = 0, left: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The first `columns` columns and the rest, split side by side.
    public func splitColumns(at columns: Int) -> (left: Rect, right: Rect) {
        let cut = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: cut, height: height), Rect(x: x + cut, y: y, width: width - cut, height: height))
    }

    /// Row `row` of the rectangle, one row high.
    public func row(_ row: Int) -> Rect {
        Rect(x: x, y: y + row, width: width, height: row >= 0 && row < height ? 1 : 0)
    }
}

extension Grid {
    /// The whole grid as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Writes `text` at column `x` and row `y` of `area`, clipped to it (with `ellipsis`
    /// when given and the text was cut); returns the column after it, within the area.
    @discardableResult
    public mutating func put(_ text: String, in area: Rect, x: Int, y: Int, style: Style = .plain, ellipsis: String? = nil) -> Int {
        guard y >= 0, y < area.height, x < area.width else { return x }
        return put(text, x: area.x + x, y: area.y + y, style: style, maxWidth: area.width - x, ellipsis: ellipsis) - area.x
    }

    /// Fills `area` with a cell.
    public mutating func fill(_ area: Rect, with cell: Cell = Cell()) {
        fill(x: area.x, y: area.y, width: area.width, height: area.height, with: cell)
    }

    /// Paints row `y` of `area` with `style`, keeping its text.
    public mutating func paint(_ area: Rect, row y: Int, style: Style) {
        guard y >= 0, y < area.height else { return }
        paint(x: area.x, y: area.y + y, count: area.width, style: style)
    }
}
