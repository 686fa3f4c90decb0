import Testing
import TextGrid

@Suite("The grid of styled cells")
struct GridTests {
    @Test func textIsPlacedByDisplayWidthAndClipped() {
        var grid = Grid(width: 10, height: 2)
        let end = grid.put("日本a👩‍💻xyz", x: 1, y: 0)
        #expect(grid.lines[0] == " 日本a👩‍💻xy", "11 columns of text in a 10-column row")
        #expect(end == 10)
        #expect(grid.text == " 日本a👩‍💻xy\n")
    }

    @Test func wideCharactersAreNeverSplitAtTheEdge() {
        var grid = Grid(width: 5, height: 1)
        grid.put("abcd日", x: 0, y: 0)
        #expect(grid.text == "abcd")
        grid.put("日本語", x: 0, y: 0, maxWidth: 5)
        #expect(grid.text == "日本", "語 would straddle the limit")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 4, height: 1)
        grid.put("日本", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.lines[0] == " x本")
    }

    @Test func combiningMarksJoinTheirBase() {
        var grid = Grid(width: 4, height: 1)
        grid.put("e\u{301}x", x: 0, y: 0)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid.lines[0] == "e\u{301}x  ")
    }

    @Test func changesAreOnlyWhatDiffers() {
        var before = Grid(width: 8, height: 2)
        before.put("hello", x: 0, y: 0)
        var after = before
        after.put("J", x: 0, y: 0)
        after.put("w", x: 6, y: 1, style: Style(bold: true))
        let changes = after.changes(since: before)
        #expect(changes.map(\.x) == [0, 6])
        #expect(changes.map(\.y) == [0, 1])
        #expect(changes.map { $0.cells.map(\.text).joined() } == ["J", "w"])
        #expect(after.changes(since: after).isEmpty)
        #expect(after.changes(since: nil).count == 2, "first frame draws every row")
        #expect(after.changes(since: Grid(width: 3, height: 2)).count == 2)
    }

    @Test func tinyAndEmptyGridsDoNotCrash() {
        for (width, height) in [(0, 0), (1, 1), (1, 0), (0, 3)] {
            var grid = Grid(width: width, height: height)
            grid.put("日本語 text", x: 0, y: 0)
            grid.put("x", x: -3, y: 5)
            grid.fill(x: -1, y: -1, width: 10, height: 10)
            #expect(grid.lines.count == max(0, height))
        }
    }
}
