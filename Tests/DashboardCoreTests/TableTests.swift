@testable import DashboardCore
import Presentation
import Testing
import TextGrid

@Suite("The table widget")
struct TableTests {
    @Test func columnsGrowToTheirMostThenTheFlexibleOnesShareTheRest() {
        let columns = [
            TableColumn("A", minWidth: 4, maxWidth: 6), TableColumn("B", width: nil), TableColumn("C", width: 5),
            TableColumn("D", width: nil),
        ]
        let layout = TableLayout(columns, width: 50)
        #expect(layout.widths == [6, 16, 5, 15], "2 margin + 3 gaps of 2; A to its most, B and D share 31")
        #expect(layout.offset(of: 2) == 2 + 6 + 2 + 16 + 2)
        let narrow = TableLayout(columns, width: 20)
        #expect(narrow.widths == [4, 8, 5, 8], "each keeps its least width, even past the edge")
    }

    @Test func onlyTheRowsInViewAreAskedForAndTheSelectionIsHighlighted() {
        var grid = Grid(width: 30, height: 6)
        let table = Table(
            columns: [TableColumn("NAME", width: nil), TableColumn("N", width: 4, alignRight: true)], rowCount: 10_000, scroll: 500,
            selection: 501, sorted: (1, false), glyphs: .unicode, theme: .standard)
        var asked: [Int] = []
        table.draw(in: Rect(x: 0, y: 1, width: 30, height: 5), into: &grid) { position in
            asked.append(position)
            return [TableCell(text: "row \(position) with a long name"), TableCell(text: "\(position % 100)")]
        }
        #expect(asked == [500, 501, 502, 503], "four rows under the header")
        #expect(grid.lines[1] == "  NAME                      N↓", "the flexible column takes 22, the sort arrow follows its title")
        #expect(grid.lines[2] == "  row 500 with a long n…     0", "cut with an ellipsis, numbers to the right")
        #expect(grid[0, 3].style == Style(reverse: true) && grid[29, 3].style == Style(reverse: true))
        #expect(grid[0, 2].style == .plain)
    }

    @Test func anEmptyTableSaysWhy() {
        var grid = Grid(width: 30, height: 5)
        Table(columns: [TableColumn("NAME", width: nil)], rowCount: 0, glyphs: .ascii, theme: .standard, emptyText: "Nothing here yet, press n")
            .draw(in: grid.area, into: &grid) { _ in [] }
        #expect(grid.lines[2] == "  Nothing here yet, press n   ")
    }
}
