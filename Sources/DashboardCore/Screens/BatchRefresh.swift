import RefreshAPI

/// A refresh of several creators at once (the marked ones, a roster, its stale creators), said on the status bar.
enum BatchRefresh {
    /// Submits `targets`, saying what they are ("the marked creators"), or says there is nothing to refresh.
    static func of(_ targets: [RefreshTarget], what: String, _ shared: inout Shared) -> Outcome {
        guard !targets.isEmpty else {
            shared.tell("Nothing to refresh: no \(what.hasPrefix("the stale") ? "creator is stale" : "creator").")
            return .nothing
        }
        shared.tell("Refreshing \(what) (\(targets.count))…")
        return Outcome([.submitMany(targets)])
    }
}
