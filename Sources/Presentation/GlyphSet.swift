/// The glyphs the interface draws with: Unicode, or plain ASCII for terminals and
/// locales that cannot show more.
public struct GlyphSet: Sendable, Hashable {
    /// Sparkline levels, lowest first.
    public let sparkLevels: [Character]
    public let rising: String
    public let falling: String
    public let steady: String
    public let ellipsis: String
    public let rightArrow: String
    public let leftArrow: String
    public let bullet: String
    /// Stands for a value the server did not send.
    public let missing: String
    /// After the title of the column a table is sorted by, smallest first or largest first.
    public let sortedAscending: String
    public let sortedDescending: String
    /// Beside the best value of a row of a comparison (seen without colour too).
    public let best: String
    /// In the margin of a marked row.
    public let marked: String

    public static let unicode = GlyphSet(
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], rising: "▲", falling: "▼", steady: "=",
        ellipsis: "…", rightArrow: "→", leftArrow: "←", bullet: "·", missing: "–", sortedAscending: "↑",
        sortedDescending: "↓", best: "★", marked: "●")

    public static let ascii = GlyphSet(
        sparkLevels: ["_", ".", "-", "~", "=", "+", "*", "#"], rising: "^", falling: "v", steady: "=",
        ellipsis: "~", rightArrow: "->", leftArrow: "<-", bullet: "|", missing: "-", sortedAscending: "^",
        sortedDescending: "v", best: "*", marked: "*")
}
