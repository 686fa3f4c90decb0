/// How many terminal columns text takes, measured as terminals place it: each spacing
/// scalar takes the columns that wcwidth() gives it (CJK and most emoji two, a spacing
/// vowel sign one), and zero-width scalars (combining marks, viramas, format characters)
/// go on the cell before. An emoji picture made of several scalars (a zero-width-joiner
/// sequence, a flag, a keycap, a skin tone, an emoji presentation sequence) is measured
/// by its spacing scalars too, each at least two columns when it asks for emoji
/// presentation, so that it has room however the terminal draws it.
public enum DisplayWidth {
    /// The columns `text` takes. Expects sanitised text (no control characters).
    public static func of(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The columns one character (grapheme cluster) takes.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return width(of: only) }
        return isPicture(character) ? pictureWidth(scalars) : scalars.reduce(0) { $0 + width(of: $1) }
    }

    /// The columns wcwidth() gives a scalar: 0, 1 or 2 (control characters 0).
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (0x7F...0x9F).contains(value) ? 0 : 1 }
        if contains(value, in: ScalarWidthTable.zeroWidth) { return 0 }
        return contains(value, in: ScalarWidthTable.doubleWidth) ? 2 : 1
    }

    /// Whether a cluster is an emoji picture that terminals disagree on how to draw
    /// (several spacing scalars, a joiner or a variation selector), so it must be kept
    /// and written whole rather than placed scalar by scalar.
    public static func isPicture(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return false }
        return scalars.contains { scalar in
            switch scalar.value {
            case 0x200D, 0xFE0F, 0x20E3, 0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: true
            default: false
            }
        }
    }

    /// A picture's columns: its spacing scalars' widths, a scalar followed by U+FE0F
    /// (emoji presentation) taking at least two.
    private static func pictureWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        var total = 0
        var last = 0
        for scalar in scalars {
            if scalar.value == 0xFE0F {
                total += max(0, 2 - last)
                last = 2
                continue
            }
            last = width(of: scalar)
            total += last
        }
        return total
    }

    /// Binary search of sorted pairs of first and last scalar.
    private static func contains(_ value: UInt32, in ranges: [UInt32]) -> Bool {
        guard value >= ranges[0], value <= ranges[ranges.count - 1] else { return false }
        var low = 0
        var high = ranges.count / 2 - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[2 * middle] {
                high = middle - 1
            } else if value > ranges[2 * middle + 1] {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
