import RefreshAPI
import RefreshTracking

/// A refresh of several creators at once (the marked ones, a roster, its stale creators), said on the status bar.
/// One of more creators than the settings' threshold asks first, with its price (``ConfirmBatch``).
enum BatchRefresh {
    /// Submits `targets`, saying what they are ("the marked creators"), or says there is nothing to refresh; above
    /// the threshold, reads the price to ask first.
    static func of(_ targets: [RefreshTarget], what: String, _ shared: inout Shared) -> Outcome {
        guard !targets.isEmpty else {
            shared.tell("Nothing to refresh: no \(what.hasPrefix("the stale") ? "creator is stale" : "creator").")
            return .nothing
        }
        guard Set(targets).count <= shared.settings.confirmAbove else {
            shared.tell("Reading what refreshing \(what) would cost…")
            return Outcome([.priceBatch(BatchPlan(targets, what: what))])
        }
        shared.tell("Refreshing \(what) (\(targets.count))…")
        return Outcome([.submitMany(targets, join: .standard)])
    }
}
