import Foundation
import TextGrid

/// RFC 4180 fields and rows, for every file ylytic writes as CSV: fields quoted when they hold a comma, a quote or a
/// line break; control characters and escape sequences removed, line breaks kept; text a spreadsheet would run as a
/// formula kept as text.
public enum CSV {
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// A field made safe, then kept from being taken for a formula (``inert(_:)``), then quoted as needed.
    public static func field(_ raw: String) -> String {
        let text = inert(SafeText.sanitize(raw, keepingNewlines: true))
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text a spreadsheet would take for a formula (starting, after any white space, with =, +, - or @, and not a
    /// number), kept as text with a leading apostrophe.
    static func inert(_ text: String) -> String {
        guard let first = text.first(where: { !$0.isWhitespace }), "=+-@".contains(first),
            Double(text.trimmingCharacters(in: .whitespaces)) == nil
        else { return text }
        return "'" + text
    }
}
