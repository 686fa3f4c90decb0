/// A one-line text field that edits as a shell's line editor does: ← → Home End and Ctrl-A Ctrl-E move the
/// cursor; Backspace and Delete remove around it; Ctrl-U removes to the start, Ctrl-K to the end, Ctrl-W the
/// word before the cursor. The cursor counts characters as people see them (grapheme clusters), so that
/// Backspace removes a whole letter with its marks and a letter typed mark by mark stays one.
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: String
    /// Where the cursor is: the number of characters before it.
    public private(set) var cursor: Int

    /// A field holding `text`, the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; returns false (and changes nothing) for a key that is not one.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            // A typed mark or vowel sign joins the letter before it into one character: the cursor stays
            // after what was typed, counted as the text's characters are.
            let position = index(cursor)
            let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: position)
            text.insert(character, at: position)
            let end = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset + character.unicodeScalars.count)
            cursor = text[..<end].count
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(text.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = text.count
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            text.remove(at: index(cursor - 1))
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < text.count else { return true }
            text.remove(at: index(cursor))
        case .control("u"):
            text.removeSubrange(..<index(cursor))
            cursor = 0
        case .control("k"):
            text.removeSubrange(index(cursor)...)
        case .control("w"):
            let before = Array(text.prefix(cursor))
            var start = before.count
            while start > 0, before[start - 1].isWhitespace { start -= 1 }
            while start > 0, !before[start - 1].isWhitespace { start -= 1 }
            text.removeSubrange(index(start)..<index(cursor))
            cursor = start
        default:
            return false
        }
        cursor = min(max(0, cursor), text.count)
        return true
    }

    /// The text with `marker` where the cursor is, for drawing.
    public func showing(cursor marker: String) -> String {
        String(text.prefix(cursor)) + marker + String(text.dropFirst(cursor))
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: min(max(0, offset), text.count))
    }
}
