/// A chart several rows tall, drawn with eighth blocks, with the value axis on the left.
public enum BlockChart {
    /// Rows of text, top first: `height` rows of an axis label and `width` columns of bars. The lowest
    /// value sits on the bottom row, the highest fills the top one; a flat series draws at half height;
    /// an empty one draws nothing. Longer series are averaged into the width.
    public static func render(
        _ values: [Double], width: Int, height: Int, glyphs: GlyphSet = .unicode, label: (Double) -> String
    ) -> [String] {
        let finite = values.filter(\.isFinite)
        guard width > 0, height > 0, !finite.isEmpty else { return [] }
        let columns = Sparkline.resample(finite, to: width)
        let low = columns.min()!, high = columns.max()!
        let eighths = columns.map { value -> Int in
            high > low ? Int(((value - low) / (high - low) * Double(height * 8 - 1)).rounded()) + 1 : height * 4
        }
        let full: Character = glyphs.sparkLevels.last!
        let labels = [label(high), label((high + low) / 2), label(low)]
        let axisWidth = labels.map(\.count).max()!
        return (0..<height).map { row in
            let floor = (height - 1 - row) * 8
            let bars = String(eighths.map { level -> Character in
                let fill = min(8, max(0, level - floor))
                return fill == 0 ? " " : fill == 8 ? full : glyphs.sparkLevels[fill - 1]
            })
            let text = row == 0 ? labels[0] : row == height - 1 ? labels[2] : row == height / 2 ? labels[1] : ""
            return String(repeating: " ", count: axisWidth - text.count) + text + " " + (glyphs == .ascii ? "|" : "┤") + bars
        }
    }
}
