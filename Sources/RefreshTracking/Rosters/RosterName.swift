/// The name of a roster, checked: it is typed on command lines and shown in lists, so it is one word of letters,
/// digits, `-`, `_` and `.`, starting with a letter or digit, at most 64 characters. Names are compared whatever
/// their case.
public struct RosterName: Hashable, Sendable, CustomStringConvertible {
    /// The name as given.
    public let rawValue: String

    /// The longest name accepted.
    public static let maximumLength = 64

    /// Checks `text`; the error says what a name may hold.
    public init(_ text: String) throws(RosterError) {
        let rule = "a roster name is one word of letters, digits, '-', '_' and '.' (at most \(Self.maximumLength))"
        guard !text.isEmpty else { throw RosterError("\(rule); it is empty") }
        guard !text.contains(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            throw RosterError("\(rule); the name holds a control character")
        }
        guard text.count <= Self.maximumLength else { throw RosterError("\(rule); '\(text.prefix(20))…' is longer") }
        for (index, character) in text.enumerated() {
            let isLetterOrDigit = character.isLetter || character.isNumber
            if index == 0, !isLetterOrDigit {
                throw RosterError("\(rule), starting with a letter or digit: '\(text)'")
            }
            guard isLetterOrDigit || character == "-" || character == "_" || character == "." else {
                let what =
                    switch character {
                    case " ", "\t": "a space"
                    case "/": "a slash"
                    default: Self.shown(character)
                    }
                throw RosterError("\(rule); '\(text)' holds \(what)")
            }
        }
        rawValue = text
    }

    public var description: String { rawValue }

    /// A character as a message can show it: control and invisible characters by their code points.
    private static func shown(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        let isVisible = scalars.allSatisfy { !$0.properties.isWhitespace && $0.properties.generalCategory != .control && $0.properties.generalCategory != .format }
        return isVisible ? "'\(character)'" : scalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}
