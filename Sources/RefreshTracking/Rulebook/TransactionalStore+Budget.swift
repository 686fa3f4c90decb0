extension TransactionalStore {
    public func setBudget(_ budget: RefreshBudget?) async throws {
        try await write { store in try await store.setSetting(RefreshBudget.settingKey, to: budget?.description) }
    }

    /// The budget kept in the store; a value this ylytic cannot read (written by a later one) counts as none.
    static func budget(_ store: any StoreTransaction) async throws -> RefreshBudget? {
        try await store.setting(RefreshBudget.settingKey).flatMap { try? RefreshBudget(parsing: $0) }
    }
}
