import Testing
import TextGrid

@Suite("Sanitising text from the server")
struct SafeTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("red \u{1B}[31mALERT\u{1B}[0m done", "red ALERT done"),
        ("title \u{1B}]0;pwned\u{07}after", "title after"),
        ("link \u{1B}]8;;https://x\u{1B}\\text\u{1B}]8;;\u{1B}\\", "link text"),
        ("bell\u{07} nul\u{00} del\u{7F} c1\u{9B}31m", "bell nul del c131m"),
        ("evil\u{202E}txt.exe", "eviltxt.exe"),
        ("isolate\u{2066}x\u{2069}", "isolatex"),
        ("line1\r\nline2\rline3\u{2028}line4\ttab", "line1 line2 line3 line4 tab"),
        ("keep 日本語 and 👩‍💻 and é", "keep 日本語 and 👩‍💻 and é"),
    ])
    func controlsAndEscapesAreRemoved(input: String, expected: String) {
        #expect(SafeText.sanitize(input) == expected)
    }

    @Test(arguments: [
        ("\u{200D}start", "start"), ("end\u{200D}", "end"), ("a\u{200D} b", "a b"), ("a \u{200D}b", "a b"),
        ("👨\u{200D}\u{200D}👩", "👨\u{200D}👩"), ("line\u{200D}\nnext", "line next"), ("👩‍💻 क्‍ष", "👩‍💻 क्‍ष"),
    ])
    func joinersThatJoinNothingAreDropped(input: String, expected: String) {
        #expect(SafeText.sanitize(input) == expected, "a terminal would join a stray joiner to whatever it draws next")
        #expect(SafeText.sanitize(expected) == expected)
    }

    @Test func newlinesCanBeKeptForMultilineText() {
        #expect(SafeText.sanitize("a\r\nb\nc\u{1B}[2J", keepingNewlines: true) == "a\nb\nc")
    }

    @Test func nothingBelowSpaceOrInC1SurvivesAnyInput() {
        var everything = ""
        for value in 0..<0x2100 where !(0xD800...0xDFFF).contains(value) {
            everything.unicodeScalars.append(Unicode.Scalar(UInt32(value))!)
        }
        let safe = SafeText.sanitize(everything)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}

@Suite("Display width, truncation and wrapping")
struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("日本語", 6), ("é", 1), ("e\u{301}", 1), ("👍", 2), ("👩‍💻", 4), ("👨‍👩‍👧‍👦", 8), ("🇮🇳", 2),
        ("❤️", 2), ("1️⃣", 2), ("👍🏽", 4), ("🏳️‍🌈", 4), ("한국어", 6), ("ａｂ", 4), ("a\u{200B}b", 2), ("", 0),
        ("मराठी", 5), ("नमस्ते", 4), ("राहुल शर्मा", 9), ("வணக்கம்", 5), ("নমস্কার", 6), ("నమస్కారం", 6), ("สวัสดี", 4),
        ("مرحبا", 5), ("\u{1100}\u{1161}\u{11A8}", 2),
    ])
    func widthCountsColumns(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func truncationNeverSplitsAWideCharacterOrACluster() {
        #expect(ColumnFit.truncate("日本語テキスト", to: 7) == "日本語…")
        #expect(DisplayWidth.of(ColumnFit.truncate("日本語テキスト", to: 7)) == 7)
        #expect(ColumnFit.truncate("ab👩‍💻cd", to: 4) == "ab…")
        #expect(ColumnFit.truncate("short", to: 10) == "short")
        #expect(ColumnFit.truncate("e\u{301}e\u{301}e\u{301}xyz", to: 4) == "e\u{301}e\u{301}e\u{301}…")
        #expect(ColumnFit.truncate("anything", to: 0) == "")
    }

    @Test func paddedCellsLineUpWhateverTheScript() {
        let cells = ["Pune", "東京都", "🇮🇳 India", "Zoë", "👩‍💻 dev life", "e\u{301}te\u{301}"]
        for cell in cells {
            #expect(DisplayWidth.of(ColumnFit.pad(cell, to: 8)) == 8)
            #expect(DisplayWidth.of(ColumnFit.pad(cell, to: 5, alignRight: true)) == 5)
        }
    }

    @Test func wrappingBreaksAtSpacesAndSplitsLongWords() {
        #expect(ColumnFit.wrap("the quick brown fox jumps", to: 10) == ["the quick", "brown fox", "jumps"])
        #expect(ColumnFit.wrap("supercalifragilistic", to: 8) == ["supercal", "ifragili", "stic"])
        #expect(ColumnFit.wrap("日本語のテキスト", to: 6) == ["日本語", "のテキ", "スト"])
        #expect(ColumnFit.wrap("one\ntwo", to: 10) == ["one", "two"])
    }

    @Test func visibleNamesWhatATerminalWouldActOnOrHide() {
        #expect(SafeText.visible("@abc\u{1B}[2Jdef") == "@abcU+1B[2Jdef")
        #expect(SafeText.visible("x\u{202E}y\u{7}z\u{85}") == "xU+202EyU+7zU+85")
        #expect(SafeText.visible("two\nlines, 東京 🇮🇳 e\u{301}") == "two\nlines, 東京 🇮🇳 e\u{301}", "newlines and visible text stay")
        #expect(SafeText.visible("plain") == "plain")
        for text in ["a\u{1B}]0;title\u{7}b", "\u{9B}31m", "\r\n\t"] {
            let shown = SafeText.visible(text)
            #expect(!shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, "\(shown)")
        }
    }
}
