import Testing
import TextGrid

@Suite("The grid of styled cells")
struct GridTests {
    @Test func textIsPlacedByDisplayWidthAndClipped() {
        var grid = Grid(width: 10, height: 2)
        let end = grid.put("日本a👩‍💻xyz", x: 1, y: 0)
        #expect(grid.lines[0] == " 日本a👩‍💻", "12 columns of text in a 10-column row")
        #expect(end == 10)
        #expect(grid.text == " 日本a👩‍💻\n")
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

    @Test(arguments: [
        "नमस्ते दोस्तों", "राहुल शर्मा", "வணக்கம் நண்பர்களே", "নমস্কার বন্ধুরা", "నమస్కారం స్నేహితులారా", "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ",
        "สวัสดีครับ", "مرحبا بالعالم", "你好世界 こんにちは 안녕하세요", "Mi familia 👨‍👩‍👧‍👦 👩‍💻 ❤️ 🇮🇳 👍🏽 1️⃣ 🏳️‍🌈",
        "zalgo z\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", "क्‍ष a\u{200D}b",
    ])
    func everyScalarIsPlacedAndEachCellHoldsWhatATerminalCellHolds(text: String) {
        var grid = Grid(width: 80, height: 1)
        let end = grid.put(text, x: 0, y: 0)
        #expect(grid.lines[0].prefix(while: { _ in true }).unicodeScalars.count >= text.unicodeScalars.count)
        #expect(grid.text == text, "nothing is lost")
        #expect(end == DisplayWidth.of(text), "the grid and the measure agree")
        for x in 0..<end where !grid[x, 0].isContinuation {
            let cell = grid[x, 0].text
            let spacing = cell.unicodeScalars.filter { DisplayWidth.width(of: $0) > 0 }
            let isPicture = cell.count == 1 && DisplayWidth.isPicture(Character(cell))
            #expect(spacing.count == 1 || isPicture || cell.unicodeScalars.contains("\u{200D}"),
                    "cell \(x) holds \(cell.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func aVowelSignAfterAViramaTakesItsOwnColumnAsWcwidthSays() {
        var grid = Grid(width: 8, height: 1)
        grid.put("नमस्ते", x: 0, y: 0)
        #expect((0..<4).map { grid[$0, 0].text } == ["न", "म", "स्", "ते"])
        grid.put("กี่", x: 4, y: 0)
        #expect(grid[4, 0].text == "กี่", "Thai marks above stay on their consonant")
    }

    @Test func aPictureSpansItsColumnsAndIsBlankedWholeWhenOverwritten() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.put("a👨‍👩‍👧b", x: 0, y: 0) == 8)
        #expect(grid[1, 0].text == "👨‍👩‍👧")
        #expect((2..<7).allSatisfy { grid[$0, 0].isContinuation })
        var changed = grid
        changed.put("x", x: 4, y: 0)
        #expect(changed.lines[0] == "a   x  b  ", "writing inside a picture blanks the rest of it")
        let runs = grid.changes(since: Grid(width: 10, height: 1))
        #expect(runs.first?.x == 0)
        var moved = grid
        moved.put("c", x: 7, y: 0)
        #expect(moved.changes(since: grid).map(\.x) == [7])
    }

    @Test func textCutToItsRoomEndsInTheEllipsisGiven() {
        var grid = Grid(width: 12, height: 1)
        grid.put("São Paulo, Brasil", x: 1, y: 0, maxWidth: 10, ellipsis: "…")
        #expect(grid.text == " São Paulo…")
        grid.put("short", x: 0, y: 0, ellipsis: "…")
        #expect(grid.lines[0].hasPrefix("short"), "text that fits is not touched")
    }

    @Test func aMarkWithNothingBeforeItGetsASpaceToSitOn() {
        var grid = Grid(width: 4, height: 1)
        grid.put("\u{301}x", x: 0, y: 0)
        #expect(grid[0, 0].text == " \u{301}")
        #expect(grid[1, 0].text == "x")
        grid.put("\u{302}", x: 2, y: 0)
        #expect(grid[1, 0].text == "x\u{302}", "a mark joins the cell before, as a terminal joins it")
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
