import TextGrid

/// A key as the dashboard sees it, whatever terminal sent it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// Ctrl and a letter, e.g. `.control("c")`.
    case control(Character)
    /// F1 to F12.
    case function(Int)
}

extension Key {
    /// The key's name in a config file, as lazygit writes them: `q`, `<c-c>`, `<enter>`, `<tab>`, `<f5>`.
    public var configName: String {
        switch self {
        case .character(" "): "<space>"
        case .character(let character): String(character)
        case .control(let letter): "<c-\(letter)>"
        case .function(let number): "<f\(number)>"
        default: "<\(Self.namedKeys.first { $0.value == self }?.key ?? "?")>"
        }
    }

    /// The key a config file names, or nil when the name means no key (an invisible or
    /// blank character among them: a space is `<space>`).
    public init?(configName name: String) {
        if name.count == 1, let character = name.first, !character.isWhitespace, DisplayWidth.of(character) > 0 {
            self = .character(character)
            return
        }
        guard name.hasPrefix("<"), name.hasSuffix(">"), name.count > 2 else { return nil }
        let inner = name.dropFirst().dropLast().lowercased()
        if let key = Self.namedKeys[inner] {
            self = key
        } else if inner.hasPrefix("c-"), inner.count == 3, let letter = inner.last, letter.isLetter, letter.isASCII {
            self = .control(letter)
        } else if inner.hasPrefix("f"), let number = Int(inner.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else {
            return nil
        }
    }

    /// How the help and the status bar show the key: `↑`, `Enter`, `Ctrl-C`, `F5`, `q`.
    public func label(ascii: Bool) -> String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .function(let number): "F\(number)"
        case .up: ascii ? "Up" : "↑"
        case .down: ascii ? "Down" : "↓"
        case .left: ascii ? "Left" : "←"
        case .right: ascii ? "Right" : "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        }
    }

    private static let namedKeys: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pgdown": .pageDown, "home": .home,
        "end": .end, "enter": .enter, "esc": .escape, "backspace": .backspace, "delete": .delete, "tab": .tab,
        "backtab": .backTab, "space": .character(" "),
    ]
}
