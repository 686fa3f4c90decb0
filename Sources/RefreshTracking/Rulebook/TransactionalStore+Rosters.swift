import Foundation
import RefreshAPI

/// Rosters, written once for every store: their names, bounds and members.
extension TransactionalStore {
    public func createRoster(_ name: RosterName, maxAge: TimeInterval?, at date: Date) async throws {
        try await write { store in
            guard try await store.rosterID(named: name.rawValue) == nil else { throw RosterError.exists(name.rawValue) }
            _ = try await store.insert(Roster(name: name.rawValue, maxAge: maxAge, createdAt: date, memberCount: 0))
            _ = try await store.nextRevision(creators: true)
        }
    }

    public func addToRoster(_ name: RosterName, _ targets: [RefreshTarget], at date: Date, creating: Bool)
        async throws -> RosterAddition
    {
        // More targets than a roster holds are refused before anything is written.
        try Roster.checkSize(targets.count, of: name.rawValue)
        return try await write { store in
            let made = creating ? Roster(name: name.rawValue, maxAge: nil, createdAt: date, memberCount: 0) : nil
            return try await Self.add(targets.map { ($0, date) }, to: name.rawValue, makingIt: made, store)
        }
    }

    /// Adds members to the roster named `name`, made as `made` when there is none (without it: not found), in one
    /// write; more than a roster holds rolls the whole write back.
    static func add(
        _ members: [(target: RefreshTarget, addedAt: Date)], to name: String, makingIt made: Roster?, _ store: any StoreTransaction
    ) async throws -> RosterAddition {
        var created = false
        let rosterID: Int64
        if let id = try await store.rosterID(named: name) {
            rosterID = id
        } else if let made {
            rosterID = try await store.insert(made)
            created = true
        } else {
            throw RosterError.notFound(name)
        }
        let added = try await store.addMembers(members, toRoster: rosterID)
        try Roster.checkSize(try await store.memberCount(ofRoster: rosterID), of: name)
        if added > 0 || created { _ = try await store.nextRevision(creators: true) }
        return RosterAddition(created: created, added: added, alreadyIn: members.count - added)
    }

    public func removeFromRoster(_ name: String, _ targets: [RefreshTarget]) async throws {
        try await write { store in
            guard let rosterID = try await store.rosterID(named: name) else { throw RosterError.notFound(name) }
            let removed = Set(try await store.removeMembers(targets, fromRoster: rosterID))
            let missing = targets.filter { !removed.contains($0) }.map(\.description)
            // All or nothing: throwing rolls the whole write back, and nothing is removed.
            guard missing.isEmpty else { throw RosterError.notMembers(name, missing) }
            _ = try await store.nextRevision(creators: true)
        }
    }

    public func setMaxAge(of name: String, to maxAge: TimeInterval?) async throws {
        try await write { store in
            guard let rosterID = try await store.rosterID(named: name) else { throw RosterError.notFound(name) }
            try await store.setMaxAge(ofRoster: rosterID, to: maxAge)
            _ = try await store.nextRevision(creators: true)
        }
    }

    public func renameRoster(_ name: String, to newName: RosterName) async throws {
        try await write { store in
            guard let rosterID = try await store.rosterID(named: name) else { throw RosterError.notFound(name) }
            if let other = try await store.rosterID(named: newName.rawValue), other != rosterID {
                throw RosterError.nameInUse(newName.rawValue)
            }
            try await store.rename(roster: rosterID, to: newName.rawValue)
            _ = try await store.nextRevision(creators: true)
        }
    }

    @discardableResult
    public func deleteRoster(_ name: String) async throws -> Bool {
        try await write { store in
            guard let rosterID = try await store.rosterID(named: name) else { return false }
            try await store.deleteRoster(rosterID)
            _ = try await store.nextRevision(creators: true)
            return true
        }
    }
}

extension Roster {
    /// Throws ``RosterError/tooLarge(_:_:)`` when `count` creators are more than a roster holds.
    static func checkSize(_ count: Int, of name: String) throws(RosterError) {
        if count > maximumMembers { throw .tooLarge(name, count) }
    }
}
