/// A one-line chart of a series, one glyph per column.
public enum Sparkline {
    /// The series drawn in at most `width` columns. Longer series are averaged into
    /// buckets; shorter ones take one column per value. The lowest value draws the
    /// lowest glyph and the highest the highest; a flat series draws a level line
    /// at mid height; an empty series draws nothing. Non-finite values are skipped.
    public static func render(_ values: [Double], width: Int, glyphs: GlyphSet = .unicode) -> String {
        let finite = values.filter(\.isFinite)
        guard width > 0, !finite.isEmpty else { return "" }
        let columns = resample(finite, to: width)
        let low = columns.min()!, high = columns.max()!
        let levels = glyphs.sparkLevels
        guard high > low else {
            return String(repeating: levels[levels.count / 2 - 1], count: columns.count)
        }
        let top = Double(levels.count - 1)
        return String(columns.map { levels[Int((($0 - low) / (high - low) * top).rounded())] })
    }

    /// The series drawn in at most `width` columns on a given scale, `low` drawing the lowest glyph and `high` the
    /// highest, so that several series drawn alike compare (values outside the scale are held to it).
    public static func render(_ values: [Double], width: Int, low: Double, high: Double, glyphs: GlyphSet = .unicode)
        -> String
    {
        let finite = values.filter(\.isFinite)
        guard width > 0, !finite.isEmpty else { return "" }
        let columns = resample(finite, to: width)
        let levels = glyphs.sparkLevels
        guard high > low else { return String(repeating: levels[levels.count / 2 - 1], count: columns.count) }
        let top = Double(levels.count - 1)
        return String(columns.map { levels[Int(((min(max($0, low), high) - low) / (high - low) * top).rounded())] })
    }

    /// `values` reduced to at most `width` points, each the mean of an equal share.
    public static func resample(_ values: [Double], to width: Int) -> [Double] {
        guard values.count > width, width > 0 else { return values }
        var columns: [Double] = []
        columns.reserveCapacity(width)
        for column in 0..<width {
            let start = column * values.count / width
            let end = max(start + 1, (column + 1) * values.count / width)
            var sum = 0.0
            for index in start..<end { sum += values[index] }
            columns.append(sum / Double(end - start))
        }
        return columns
    }
}
