import TextGrid

/// The key hints of a status bar: as many whole hints as fit, never one cut in half.
enum HintBar {
    /// `hints` ("key action") joined by two spaces after a leading space, leaving out
    /// hints from the one before last backwards until the line fits in `width`
    /// columns; the last hint (help or quit) stays while it fits at all.
    static func line(_ hints: [String], width: Int) -> String {
        var kept = hints
        while kept.count > 1, DisplayWidth.of(text(kept)) > width { kept.remove(at: kept.count - 2) }
        return DisplayWidth.of(text(kept)) > width ? "" : text(kept)
    }

    private static func text(_ hints: [String]) -> String {
        " " + hints.joined(separator: "  ")
    }
}
