import TextGrid

/// The styles of the interface.
enum Theme {
    static let header = Style(bold: true)
    static let tableHeader = Style(foreground: .cyan, bold: true)
    static let selected = Style(reverse: true)
    static let dim = Style(dim: true)
    static let statusBar = Style(reverse: true)
    static let error = Style(foreground: .red, bold: true)
    static let box = Style(foreground: .cyan)

    static func phase(_ phase: RequestRow.Phase) -> Style {
        switch phase {
        case .succeeded: Style(foreground: .green)
        case .failed: Style(foreground: .red)
        case .pending, .submitting: Style(foreground: .yellow)
        case .stale: Style(foreground: .magenta)
        case .unknown: Style(foreground: .yellow, bold: true)
        }
    }
}

/// Box-drawing and marker glyphs, Unicode or ASCII.
struct Frame {
    let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight, mark, live, paused, cursor: String

    static let unicode = Frame(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", mark: "●",
        live: "● live", paused: "‖ paused", cursor: "▏")
    static let ascii = Frame(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", mark: "*",
        live: "* live", paused: "|| paused", cursor: "|")
}
