import Foundation
import RefreshAPI
import RefreshTracking

extension TrackingStore {
    /// Writes the intent to submit `target` without joining anything or minding the budget (as `--force` does),
    /// submitted by "tester" for no roster; returns its store number.
    public func recordIntent(_ target: RefreshTarget, at date: Date, holder: LeaseHolder, leaseUntil: Date)
        async throws -> Int64
    {
        let intent = try await recordIntent(
            target, at: date, holder: holder, leaseUntil: leaseUntil, submitter: "tester@box", joiningFreshSince: nil,
            roster: nil, budget: .ignored)
        guard case .recorded(let localID) = intent else { throw ForcedIntentJoined() }
        return localID
    }
}

/// A store joined an intent it was told not to join.
struct ForcedIntentJoined: Error {}
