import Presentation
import RefreshAPI
import TextGrid

/// Creators side by side, as lines: every profile figure in a column per creator with the best of each row
/// marked, growth, posting, and the follower and engagement trends on one time axis, each as its change since the
/// first date all of them have, on one scale, so that creators of different sizes read together.
struct ComparisonText {
    let width: Int
    let glyphs: GlyphSet
    /// The keys that show the other creators, as bound ("← →").
    var pagingKeys: String

    /// The columns of the row labels.
    static let labelWidth = 23
    /// The fewest columns a creator's column takes.
    static let minimumColumn = 22

    /// How many creators fit side by side in `width` columns (at least one, at most `count`).
    static func perPage(width: Int, count: Int) -> Int {
        min(max(1, count), max(1, (width - 1 - labelWidth) / minimumColumn))
    }

    private var columnWidth: (Int) -> Int {
        { count in max(10, min(34, (width - Self.labelWidth) / max(1, count))) }
    }

    func lines(_ all: [ComparedCreator], first: Int, count: Int) -> [StyledLine] {
        let shown = Array(all.dropFirst(first).prefix(count))
        let column = columnWidth(shown.count)
        var lines: [StyledLine] = []
        var names = StyledLine(String(repeating: " ", count: Self.labelWidth))
        var platforms = StyledLine(String(repeating: " ", count: Self.labelWidth))
        for creator in shown {
            names.append(cell(SafeText.sanitize(creator.label), column), role: .heading)
            var platform = creator.row.platform.displayName
            if let name = creator.row.name { platform += " · " + SafeText.sanitize(name) }
            platforms.append(cell(platform, column), role: .dim)
        }
        lines += [names, platforms]
        if all.count > shown.count {
            lines.append(
                StyledLine(
                    "  creators \(first + 1)-\(first + shown.count) of \(all.count); \(pagingKeys) for the others",
                    role: .dim))
        }
        let audience = ComparedFigure.audience(of: shown)
        for (title, figures) in ComparedFigure.sections(audience: audience) {
            section(title, figures, shown, of: all, column, into: &lines)
            if title == "Profile" { tierRow(shown, column, into: &lines) }
        }
        lines += trendLines(shown, audience: audience)
        return lines
    }

    /// `text` in a creator's column: cut to leave two blank columns before the next.
    private func cell(_ text: String, _ width: Int) -> String {
        ColumnFit.pad(text, to: width - 2, ellipsis: glyphs.ellipsis) + "  "
    }

    /// A heading and a row per figure; the best value of a row among every creator compared (two or more known,
    /// not all the same), on this page or another, is marked, in colour and with a star, so that it shows without
    /// colour too.
    private func section(
        _ title: String, _ figures: [ComparedFigure], _ shown: [ComparedCreator], of all: [ComparedCreator], _ column: Int,
        into lines: inout [StyledLine]
    ) {
        lines.append(StyledLine())
        lines.append(StyledLine(title, role: .heading))
        for figure in figures {
            let values = shown.map(figure.value)
            let known = all.compactMap(figure.value).filter(\.isFinite)
            // Nothing stands out when every known value is the same (all 0.0, say): no star at all.
            let best: Double? =
                switch figure.better {
                case _ where known.count < 2 || known.min() == known.max(): nil
                case .higher: known.max()
                case .lower: known.min()
                case .neither: nil
                }
            var line = StyledLine("  ")
            line.append(ColumnFit.pad(figure.label, to: Self.labelWidth - 2, ellipsis: glyphs.ellipsis), role: .label)
            for value in values {
                guard let value, value.isFinite else {
                    line.append(cell(glyphs.missing, column), role: .dim)
                    continue
                }
                let isBest = value == best
                line.append(cell(figure.text(value) + (isBest ? " " + glyphs.best : ""), column), role: isBest ? .positive : .plain)
            }
            lines.append(line)
        }
    }

    private func tierRow(_ shown: [ComparedCreator], _ column: Int, into lines: inout [StyledLine]) {
        var line = StyledLine("  ")
        line.append(ColumnFit.pad("Tier", to: Self.labelWidth - 2), role: .label)
        for creator in shown {
            let tier = creator.overview.flatMap(DisplayedTier.init)?.name ?? creator.row.tier
            line.append(cell(SafeText.sanitize(tier ?? glyphs.missing), column), role: tier == nil ? .dim : .plain)
        }
        lines.append(line)
    }

    /// The follower and engagement trends from the first date every creator has to the last, each as its change
    /// since that date, all on one scale.
    private func trendLines(_ shown: [ComparedCreator], audience: String) -> [StyledLine] {
        var lines: [StyledLine] = []
        let nameWidth = min(18, shown.map { DisplayWidth.of(SafeText.sanitize($0.label)) }.max() ?? 8)
        let sparkWidth = max(10, width - 4 - nameWidth - 2 - 10)
        for (label, series) in [(audience, { (creator: ComparedCreator) in creator.trends?.followers ?? [] }),
                                ("Engagement", { (creator: ComparedCreator) in creator.trends?.engagement ?? [] })] {
            let all = shown.map(series)
            guard let start = all.compactMap({ $0.first?.date }).max(), let end = all.compactMap({ $0.last?.date }).min(),
                start < end, all.allSatisfy({ !$0.isEmpty })
            else {
                lines.append(StyledLine())
                lines.append(StyledLine("\(label) trend: no dates in common", role: .dim))
                continue
            }
            // Each series as its change in percent since its value at the common start, read at every day of the
            // window (the last point on or before it), so that the columns line up in time.
            let days = start.daysSinceEpoch...end.daysSinceEpoch
            let changes = all.map { points -> [Double] in
                var index = 0
                var values: [Double] = []
                values.reserveCapacity(days.count)
                for day in days {
                    while index + 1 < points.count, points[index + 1].date.daysSinceEpoch <= day { index += 1 }
                    values.append(points[index].value)
                }
                let base = values.first ?? 0
                return values.map { base == 0 ? 0 : ($0 / base - 1) * 100 }
            }
            let resampled = changes.map { Sparkline.resample($0, to: sparkWidth) }
            let low = resampled.flatMap { $0 }.min() ?? 0, high = resampled.flatMap { $0 }.max() ?? 0
            lines.append(StyledLine())
            var title = StyledLine("\(label) since \(start)", role: .heading)
            title.append("  change from that day, one scale: \(NumberFormat.signedPercent(low)) to \(NumberFormat.signedPercent(high))", role: .dim)
            lines.append(title)
            for (creator, values) in zip(shown, resampled) {
                var line = StyledLine("  ")
                line.append(ColumnFit.pad(SafeText.sanitize(creator.label), to: nameWidth, ellipsis: glyphs.ellipsis), role: .label)
                line.append("  " + Sparkline.render(values, width: sparkWidth, low: low, high: high, glyphs: glyphs))
                let last = values.last ?? 0
                line.append("  " + NumberFormat.signedPercent(last), role: last > 0 ? .positive : last < 0 ? .negative : .plain)
                lines.append(line)
            }
        }
        return lines
    }
}
