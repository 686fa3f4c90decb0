import TextGrid

/// Box-drawing and marker glyphs, Unicode or ASCII.
struct Frame {
    let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight, mark, live, paused, offline, cursor: String

    static let unicode = Frame(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", mark: "●",
        live: "● live", paused: "‖ paused", offline: "✕ offline", cursor: "▏")
    static let ascii = Frame(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", mark: "*",
        live: "* live", paused: "|| paused", offline: "x offline", cursor: "|")
}
