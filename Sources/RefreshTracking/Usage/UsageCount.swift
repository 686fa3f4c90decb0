import Foundation

/// How many paid refreshes (POSTs sent, each costing quota, or perhaps, when its outcome is unknown) one submitter
/// sent in one hour, for one roster or none.
public struct UsageCount: Sendable, Hashable {
    /// The start of the hour (UTC).
    public let hour: Date
    /// Who sent them ("user@host").
    public let submitter: String
    /// The roster they were sent for; nil for refreshes of no roster.
    public let roster: String?
    public let refreshes: Int

    public init(hour: Date, submitter: String, roster: String?, refreshes: Int) {
        self.hour = hour
        self.submitter = submitter
        self.roster = roster
        self.refreshes = refreshes
    }
}

/// Whether the store's budget may refuse a submission.
public enum BudgetRule: Sendable, Equatable {
    /// Refused once the budget of the period is spent.
    case enforced
    /// Sent whatever the budget says (`--force`); still counted.
    case ignored
}
