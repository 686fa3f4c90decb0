/// A terminal colour: the terminal's own default, one of the sixteen named ones, one of
/// the 256 of xterm's palette, or a 24-bit colour. A terminal with fewer colours shows
/// the nearest it has.
public enum TerminalColor: Sendable, Hashable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
    case gray, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    /// A colour of the 256-colour palette (0-15 are the named ones).
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The sixteen named colours in palette order.
    public static let named: [TerminalColor] = [
        .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
        .gray, .brightRed, .brightGreen, .brightYellow, .brightBlue, .brightMagenta, .brightCyan, .brightWhite,
    ]
}

/// How a cell is drawn.
public struct Style: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: TerminalColor = .default, background: TerminalColor = .default, bold: Bool = false,
        dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default look.
    public static let plain = Style()
}
