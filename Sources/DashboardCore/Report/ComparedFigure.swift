import Presentation
import RefreshAPI

/// A figure creators are compared by: how to read it from a creator, how to show it, and whether more is better
/// (so that the best is marked). The comparison screen and its CSV export read the same list.
struct ComparedFigure {
    let label: String
    let value: (ComparedCreator) -> Double?
    let text: (Double) -> String
    var better = Better.higher

    /// Which value of a row is the best, if any.
    enum Better {
        case higher, lower, neither
    }

    /// The label with the unit its raw number is in, for a spreadsheet: "Engagement rate (%)".
    var labelWithUnit: String {
        text(1).hasSuffix("%") ? label + " (%)" : label
    }

    /// The figures by section, in order; `audience` is "Followers" or "Subscribers".
    static func sections(audience: String) -> [(title: String, figures: [ComparedFigure])] {
        let number = { (value: Double) in NumberFormat.compact(value) }
        let percent = { (value: Double) in NumberFormat.percent(value) }
        let signed = { (value: Double) in NumberFormat.signedPercent(value) }
        let decimal = { (value: Double) in NumberFormat.decimal(value) }
        return [
            ("Profile", [
                ComparedFigure(label: audience, value: { ($0.overview?.followers ?? $0.row.followers).map(Double.init) }, text: number),
                ComparedFigure(label: "Following", value: { $0.overview?.following.map(Double.init) }, text: number, better: .neither),
                ComparedFigure(label: "Posts", value: { $0.overview?.posts.map(Double.init) }, text: number),
                ComparedFigure(label: "Engagement rate", value: { $0.overview?.engagement ?? $0.row.engagement }, text: percent),
                ComparedFigure(label: "Content per week", value: { $0.overview?.contentPerWeek ?? $0.row.contentPerWeek }, text: decimal),
            ]),
            ("Growth", [
                ComparedFigure(label: "\(audience), month", value: { $0.trends?.monthlyFollowersGrowth }, text: signed),
                ComparedFigure(label: "\(audience), quarter", value: { $0.trends?.quarterlyFollowersGrowth }, text: signed),
                ComparedFigure(label: "\(audience), year", value: { $0.trends?.yearlyFollowersGrowth }, text: signed),
                ComparedFigure(label: "Engagement, month", value: { $0.trends?.monthlyEngagementGrowth }, text: signed),
                ComparedFigure(label: "Engagement, quarter", value: { $0.trends?.quarterlyEngagementGrowth }, text: signed),
                ComparedFigure(label: "Engagement, year", value: { $0.trends?.yearlyEngagementGrowth }, text: signed),
            ]),
            ("Posting", [
                ComparedFigure(label: "Posts sent, per week", value: { $0.activity.map(\.perWeek) }, text: decimal),
                ComparedFigure(
                    label: "Sponsored", value: { $0.activity?.sponsoredShare.map { $0 * 100 } },
                    text: { NumberFormat.percent($0, decimals: 0) }, better: .lower),
                ComparedFigure(label: "Median likes", value: { $0.activity?.medianLikes }, text: number),
                ComparedFigure(label: "Median views", value: { $0.activity?.medianViews }, text: number),
            ]),
        ]
    }

    /// "Followers", or "Subscribers" when every creator is on YouTube.
    static func audience(of creators: [ComparedCreator]) -> String {
        !creators.isEmpty && creators.allSatisfy { $0.row.platform == .youtube } ? "Subscribers" : "Followers"
    }
}
