import Foundation
import Presentation
import RefreshAPI

/// A comparison as CSV: a row per figure, a column per creator, numbers in full (not short forms), for a
/// spreadsheet.
public enum ComparisonCSV {
    public static func text(_ comparison: Comparison) -> String {
        let creators = comparison.creators
        var rows: [[String]] = [["figure"] + creators.map { $0.row.handle ?? $0.overview?.handle ?? $0.row.key }]
        rows.append(["platform"] + creators.map { $0.row.platform.displayName })
        rows.append(["name"] + creators.map { $0.row.name ?? "" })
        rows.append(["tier"] + creators.map { $0.overview.flatMap(DisplayedTier.init)?.name ?? $0.row.tier ?? "" })
        for (_, figures) in ComparedFigure.sections(audience: ComparedFigure.audience(of: creators)) {
            for figure in figures {
                rows.append([figure.labelWithUnit] + creators.map { figure.value($0).map(Self.number) ?? "" })
            }
        }
        rows.append(["Last refreshed"] + creators.map { Timestamp.rfc3339($0.row.lastRefreshedAt) })
        return rows.map { $0.map { CSV.field($0) }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A number as a spreadsheet reads it: whole numbers without a fraction, others to four places.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.4f", value)
    }
}
