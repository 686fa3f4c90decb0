import TextGrid

/// A column of a table: its title, the widths it may take and its alignment.
public struct TableColumn: Sendable {
    public let title: String
    public let minWidth: Int
    /// The most columns it takes; nil for the column that takes what the others leave.
    public let maxWidth: Int?
    public let alignRight: Bool

    /// A column exactly `width` wide, or (nil) one that takes the room left, at least eight.
    public init(_ title: String, width: Int?, alignRight: Bool = false) {
        self.init(title, minWidth: width ?? 8, maxWidth: width, alignRight: alignRight)
    }

    public init(_ title: String, minWidth: Int, maxWidth: Int?, alignRight: Bool = false) {
        self.title = title
        self.minWidth = minWidth
        self.maxWidth = maxWidth
        self.alignRight = alignRight
    }
}

/// Where the columns of a table go in a width: a margin of two (for a row's mark), then
/// the columns two apart. Each column gets its least width; what is left goes to the
/// columns with a most width in order up to it, then is shared by those without one.
public struct TableLayout: Sendable {
    public static let margin = 2
    public static let gap = 2

    public let columns: [TableColumn]
    public let widths: [Int]

    public init(_ columns: [TableColumn], width: Int) {
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
    public func offset(of index: Int) -> Int {
        Self.margin + widths.prefix(index).reduce(0, +) + Self.gap * index
    }

    /// `text` cut with `ellipsis` to column `index`, and the column where it starts (text aligned right ends where
    /// the column does): for a grid already blank, where padding would only be drawn over.
    public func place(_ text: String, column index: Int, ellipsis: String) -> (text: String, x: Int) {
        let fitted = ColumnFit.truncate(text, to: widths[index], ellipsis: ellipsis)
        let shift = columns[index].alignRight ? max(0, widths[index] - DisplayWidth.of(fitted)) : 0
        return (fitted, offset(of: index) + shift)
    }

    /// `text` fitted to column `index`: cut with `ellipsis` and padded to its width.
    public func fit(_ text: String, column index: Int, ellipsis: String) -> String {
        ColumnFit.pad(text, to: widths[index], alignRight: columns[index].alignRight, ellipsis: ellipsis)
    }
}
