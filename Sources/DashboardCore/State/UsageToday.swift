import RefreshTracking

/// The paid refreshes sent through the store today (UTC), by everyone using it, and where the budget stands.
public struct UsageToday: Sendable, Equatable {
    public let sent: Int
    public let budget: RefreshBudget?
    /// Paid refreshes sent in the budget's current period.
    public let usedInPeriod: Int

    public init(sent: Int, budget: RefreshBudget?, usedInPeriod: Int) {
        self.sent = sent
        self.budget = budget
        self.usedInPeriod = usedInPeriod
    }

    /// Whether the budget of the period is spent: nothing more may be sent until the next.
    public var isSpent: Bool { budget.map { usedInPeriod >= $0.limit } ?? false }
}
