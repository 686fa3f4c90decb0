import TextGrid

/// The number a terminal with `colors` colours gives a colour: the named sixteen by
/// their index (the bright eight folded onto the others below sixteen colours), the
/// palette's 256 as they are when the terminal has them, 24-bit colours packed as RGB on
/// a direct-colour terminal; otherwise the nearest colour the terminal has.
enum ColorNumbers {
    /// The value ncurses' direct-colour terminals report for COLORS and above.
    static let directColors = 0x1000000

    static func number(_ color: TerminalColor, colors: Int) -> Int32 {
        switch color {
        case .default:
            return -1
        case .indexed(let index):
            if colors >= 256 && colors < directColors { return Int32(index) }
            if index < 16 { return named(Int(index), colors: colors) }
            let (red, green, blue) = rgb(ofPaletteIndex: Int(index))
            return number(.rgb(red, green, blue), colors: colors)
        case .rgb(let red, let green, let blue):
            if colors >= directColors { return Int32(red) << 16 | Int32(green) << 8 | Int32(blue) }
            if colors >= 256 { return Int32(nearestPaletteIndex(red, green, blue)) }
            return named(nearestNamed(red, green, blue), colors: colors)
        default:
            return named(TerminalColor.named.firstIndex(of: color) ?? 7, colors: colors)
        }
    }

    /// A named colour's number: the bright eight folded onto the others on a terminal
    /// with fewer than sixteen colours, or on a direct-colour one (where numbers from 8
    /// up are RGB values).
    private static func named(_ index: Int, colors: Int) -> Int32 {
        index >= 8 && (colors < 16 || colors >= directColors) ? Int32(index - 8) : Int32(index)
    }

    /// xterm's 6x6x6 cube and grey ramp, as RGB.
    static func rgb(ofPaletteIndex index: Int) -> (UInt8, UInt8, UInt8) {
        if index >= 232 {
            let level = UInt8(8 + (index - 232) * 10)
            return (level, level, level)
        }
        let cube = index - 16
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        return (steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6])
    }

    /// The palette entry (16-255) nearest a colour.
    static func nearestPaletteIndex(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int {
        (16...255).min { distance(rgb(ofPaletteIndex: $0), (red, green, blue)) < distance(rgb(ofPaletteIndex: $1), (red, green, blue)) } ?? 16
    }

    /// The named colour (0-15) nearest a colour, by xterm's default values.
    static func nearestNamed(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int {
        let values: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        return values.indices.min { distance(values[$0], (red, green, blue)) < distance(values[$1], (red, green, blue)) } ?? 7
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let red = Int(a.0) - Int(b.0), green = Int(a.1) - Int(b.1), blue = Int(a.2) - Int(b.2)
        return red * red + green * green + blue * blue
    }
}
