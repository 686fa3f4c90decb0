import Foundation
import RefreshAPI
import RefreshTracking

/// Submissions asked for on this dashboard that the store has not written yet: each is shown at once as a row of
/// its own ("waiting for the store"), so that nothing typed seems lost while the store is slow or out of reach,
/// and goes when the store's own row for it arrives or the submission ends.
struct SubmissionsAwaitingStore: Sendable, Equatable {
    /// The rows shown for them, by target.
    private(set) var rows: [RefreshTarget: RequestRow] = [:]
    /// How many submissions of a target are under way, when more than one: its row goes with the last.
    private var more: [RefreshTarget: Int] = [:]
    /// The number of the next row: negative, never one of the store's.
    private var nextID: Int64 = -1

    /// The row for a submission of `target` asked for `now` (nil when one waits already), said to wait for the
    /// store, and why when it is known to be out of reach.
    mutating func add(_ target: RefreshTarget, now: Date, offlineBecause reason: String?) -> RequestRow? {
        guard rows[target] == nil else {
            more[target, default: 0] += 1
            return nil
        }
        let row = RequestRow(
            id: nextID, type: target.type, target: target.value, phase: .submitting,
            detail: reason.map { "waiting for the store (\($0))" } ?? "waiting for the store", submittedAt: now)
        nextID -= 1
        rows[target] = row
        return row
    }

    /// The number of the row of `target`'s submission, which has ended, no longer shown (nil while another
    /// submission of it is under way).
    mutating func settle(_ target: RefreshTarget) -> Int64? {
        if let others = more[target] {
            more[target] = others > 1 ? others - 1 : nil
            return nil
        }
        return rows.removeValue(forKey: target)?.id
    }

    /// The numbers of the rows no longer shown because the store's own rows for their targets, submitted since,
    /// are among `stored`.
    mutating func settle(by stored: [RequestRow]) -> [Int64] {
        guard !rows.isEmpty else { return [] }
        var settled: [Int64] = []
        for row in stored where row.id >= 0 {
            guard let type = row.type else { continue }
            let target = RefreshTarget(uncheckedType: type, value: row.target)
            // A row of an older request of the same target (finishing now, say) is not this submission's.
            guard let waiting = rows[target], row.submittedAt >= waiting.submittedAt.addingTimeInterval(-1) else { continue }
            rows[target] = nil
            more[target] = nil
            settled.append(waiting.id)
        }
        return settled
    }
}
