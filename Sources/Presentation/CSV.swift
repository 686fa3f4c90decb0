import TextGrid

/// RFC 4180 fields and rows, for every file ylytic writes as CSV: fields quoted when they hold a comma, a quote or a
/// line break; control characters and escape sequences removed, line breaks kept.
public enum CSV {
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    public static func field(_ raw: String) -> String {
        let text = SafeText.sanitize(raw, keepingNewlines: true)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text a spreadsheet would take for a formula (starting with =, +, - or @, and not a number), kept as text
    /// with a leading apostrophe.
    public static func inert(_ text: String) -> String {
        guard let first = text.first, "=+-@".contains(first), Double(text) == nil else { return text }
        return "'" + text
    }
}
