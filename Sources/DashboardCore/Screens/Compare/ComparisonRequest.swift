import Presentation

/// Which marked creators a comparison is asked for: two to four with a finished refresh, biggest first.
enum ComparisonRequest {
    /// The most creators compared at once.
    static let most = 4

    /// The creators among `marked` that can be compared (those with a finished refresh).
    static func comparable(_ marked: [CreatorRow]) -> [CreatorRow] {
        marked.filter { $0.latestRequestID != nil }
    }

    /// The status bar's word for `c`: "compare 3" when 2 to 4 comparable creators are marked, else nil.
    static func hint(_ marked: [CreatorRow]) -> String? {
        let count = comparable(marked).count
        return (2...most).contains(count) ? "compare \(count)" : nil
    }

    /// Asks for the comparison of the comparable creators among `marked`, or says why there is none; `markKey` is
    /// the key that marks, for the sentence.
    static func of(_ marked: [CreatorRow], markKey: String, _ shared: inout Shared) -> Outcome {
        let creators = comparable(marked)
        guard (2...most).contains(creators.count) else {
            shared.warn(
                "Mark 2 to \(most) refreshed creators to compare (\(markKey) marks; \(NumberFormat.grouped(creators.count)) marked now).")
            return .nothing
        }
        return Outcome([.compare(creators.sorted { ($0.followers ?? 0, $0.id) > ($1.followers ?? 0, $1.id) })])
    }
}
