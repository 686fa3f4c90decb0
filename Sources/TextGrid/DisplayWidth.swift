/// How many terminal columns text takes, measured as terminals place it: each spacing
/// scalar takes the columns that wcwidth() gives it (CJK and most emoji two, a spacing
/// vowel sign one), and zero-width scalars (combining marks, viramas, format characters)
/// go on the cell before. An emoji picture made of several scalars (a zero-width-joiner
/// sequence, a flag, a keycap, a skin tone, an emoji presentation sequence) is measured
/// by its spacing scalars too, each at least two columns when it asks for emoji
/// presentation, so that it has room however the terminal draws it.
public enum DisplayWidth {
    /// The columns `text` takes. Expects sanitised text (no control characters).
    ///
    /// Measured per scalar, without finding grapheme clusters: the one rule of a picture
    /// that spans scalars (U+FE0F widens the scalar before it to two columns) only ever
    /// applies within a cluster, so the sum is the same as cluster by cluster.
    public static func of(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return measure(text.unicodeScalars)
    }

    /// The columns `text` takes, read straight from its UTF-8 bytes (the common case,
    /// kept apart from the generic one so that it needs no specialisation).
    public static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            planeWidths.withUnsafeBufferPointer { widths in
                var total = 0
                var last = 0
                var index = 0
                while index < bytes.count {
                    let lead = UInt32(bytes[index])
                    let value: UInt32
                    if lead < 0x80 {
                        value = lead
                        index &+= 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index &+ 1] & 0x3F)
                        index &+= 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(bytes[index &+ 1] & 0x3F) << 6 | UInt32(bytes[index &+ 2] & 0x3F)
                        index &+= 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(bytes[index &+ 1] & 0x3F) << 12
                            | UInt32(bytes[index &+ 2] & 0x3F) << 6 | UInt32(bytes[index &+ 3] & 0x3F)
                        index &+= 4
                    }
                    add(value, widths: widths, to: &total, last: &last)
                }
                return total
            }
        }
    }

    /// The columns one character (grapheme cluster) takes.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return width(of: only) }
        return measure(scalars)
    }

    /// The columns wcwidth() gives a scalar: 0, 1 or 2 (control characters 0).
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20000 { return Int(planeWidths[Int(value)]) }
        if contains(value, in: ScalarWidthTable.zeroWidth) { return 0 }
        return contains(value, in: ScalarWidthTable.doubleWidth) ? 2 : 1
    }

    /// The widths of the first two planes (where all but a few rare scalars are), one
    /// byte per scalar: 128 KB, made once from the range tables.
    private static let planeWidths: [UInt8] = {
        var widths = [UInt8](repeating: 1, count: 0x20000)
        for value in 0..<0x20 { widths[value] = 0 }
        for value in 0x7F...0x9F { widths[value] = 0 }
        for (ranges, columns) in [(ScalarWidthTable.zeroWidth, UInt8(0)), (ScalarWidthTable.doubleWidth, 2)] {
            for pair in stride(from: 0, to: ranges.count, by: 2) where ranges[pair] < 0x20000 {
                for value in ranges[pair]...min(ranges[pair + 1], 0x1FFFF) { widths[Int(value)] = columns }
            }
        }
        return widths
    }()

    /// Whether a cluster is an emoji picture that terminals disagree on how to draw
    /// (several spacing scalars, a joiner or a variation selector), so it must be kept
    /// and written whole rather than placed scalar by scalar.
    public static func isPicture(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        return scalars.count > 1 && scalars.contains(where: makesAPicture)
    }

    /// Whether a scalar makes the cluster it is in a picture: a joiner, an emoji
    /// presentation selector, a keycap, a regional indicator, a skin tone or a tag.
    static func makesAPicture(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0F, 0x20E3, 0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: true
        default: false
        }
    }

    /// The columns of a run of scalars.
    private static func measure(_ scalars: some Sequence<Unicode.Scalar>) -> Int {
        planeWidths.withUnsafeBufferPointer { widths in
            var total = 0
            var last = 0
            for scalar in scalars { add(scalar.value, widths: widths, to: &total, last: &last) }
            return total
        }
    }

    /// Adds a scalar's columns to `total`: its width, except that U+FE0F (emoji
    /// presentation) widens the scalar before it (`last` wide) to two columns.
    @inline(__always)
    private static func add(_ value: UInt32, widths: UnsafeBufferPointer<UInt8>, to total: inout Int, last: inout Int) {
        if value == 0xFE0F {
            total &+= max(0, 2 - last)
            last = 2
            return
        }
        last = value < UInt32(widths.count) ? Int(widths[Int(value)]) : width(of: Unicode.Scalar(value) ?? " ")
        total &+= last
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
