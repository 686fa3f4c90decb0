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
    public let bullet: String
    /// Stands for a value the server did not send.
    public let missing: String

    public static let unicode = GlyphSet(
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], rising: "▲", falling: "▼", steady: "=",
        ellipsis: "…", rightArrow: "→", bullet: "·", missing: "–")

    public static let ascii = GlyphSet(
        sparkLevels: ["_", ".", "-", "~", "=", "+", "*", "#"], rising: "^", falling: "v", steady: "=",
        ellipsis: "~", rightArrow: "->", bullet: "|", missing: "-")
}
