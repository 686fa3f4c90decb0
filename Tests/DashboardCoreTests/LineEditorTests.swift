import DashboardCore
import Testing

@Suite("The line editor with text typed mark by mark")
struct LineEditorTests {
    /// Types `text` as a terminal delivers it: one scalar per key.
    static func typed(_ text: String) -> LineEditor {
        var editor = LineEditor()
        for scalar in text.unicodeScalars { _ = editor.handle(.character(Character(scalar))) }
        return editor
    }

    @Test(arguments: ["नमस्ते", "ते", "👍🏽", "e\u{301}", "வணக்கம்", "👨‍👩‍👧"])
    func marksJoinTheirLetterAndBackspaceRemovesItWhole(text: String) {
        var editor = Self.typed(text)
        #expect(editor.text == text)
        #expect(editor.cursor == text.count, "the cursor is after the last letter, however it was typed")
        _ = editor.handle(.backspace)
        #expect(editor.text == String(text.dropLast()))
        #expect(editor.cursor == text.count - 1)
    }

    @Test func theCursorMovesByLettersAndTypingLandsWhereItShows() {
        var editor = Self.typed("नमस्ते")
        #expect(editor.text.count == 3, "न, म and the conjunct स्ते")
        _ = editor.handle(.left)
        _ = editor.handle(.left)
        #expect(editor.showing(cursor: "|") == "न|मस्ते")
        _ = editor.handle(.character("X"))
        #expect(editor.text == "नXमस्ते")
        _ = editor.handle(.right)
        _ = editor.handle(.delete)
        #expect(editor.text == "नXम", "Delete removes the whole conjunct after the cursor")
        _ = editor.handle(.control("w"))
        #expect(editor.text == "")
    }

    @Test func anyKeysInAnyOrderLeaveTheCursorInTheText() {
        let keys: [Key] = [.character("क"), .character("\u{94D}"), .character("\u{937}"), .character("\u{200D}"), .character("a"),
                           .character("\u{301}"), .left, .right, .home, .end, .backspace, .delete, .control("w"), .control("u"),
                           .control("k"), .character("👍"), .character("\u{1F3FD}")]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var editor = LineEditor()
            for _ in 0..<30 {
                _ = editor.handle(keys.randomElement(using: &generator)!)
                #expect(editor.cursor >= 0 && editor.cursor <= editor.text.count)
            }
        }
    }
}
