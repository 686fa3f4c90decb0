import Foundation
import RefreshAPI

/// A named list of creators in the store (a campaign's shortlist, a brand's roster), refreshed together, with
/// an optional maximum age past which a creator's figures count as stale.
public struct Roster: Hashable, Sendable {
    /// The most creators one roster holds.
    public static let maximumMembers = 10_000

    /// The store's own number for the roster, which a rename keeps; nil for one not read from a store.
    public var id: Int64?
    public var name: String
    /// Figures older than this many seconds are stale; nil: never.
    public var maxAge: TimeInterval?
    public var createdAt: Date
    public var memberCount: Int

    public init(id: Int64? = nil, name: String, maxAge: TimeInterval?, createdAt: Date, memberCount: Int) {
        self.id = id
        self.name = name
        self.maxAge = maxAge
        self.createdAt = createdAt
        self.memberCount = memberCount
    }
}

/// One creator of a roster: the target it was added as, and what the store knows of it.
public struct RosterMember: Hashable, Sendable {
    public var target: RefreshTarget
    public var addedAt: Date
    /// The newest request for the target, whatever its state.
    public var latest: TrackedRequest?
    /// When a refresh of the target last succeeded.
    public var refreshedAt: Date?
    /// The creator that refresh was about, with its latest figures.
    public var creator: StoredCreator?

    public init(
        target: RefreshTarget, addedAt: Date, latest: TrackedRequest? = nil, refreshedAt: Date? = nil,
        creator: StoredCreator? = nil
    ) {
        self.target = target
        self.addedAt = addedAt
        self.latest = latest
        self.refreshedAt = refreshedAt
        self.creator = creator
    }

    /// Whether its figures are older than `age` seconds at `now` (or it was never refreshed).
    public func isOlder(than age: TimeInterval, at now: Date) -> Bool {
        guard let refreshedAt else { return true }
        return now.timeIntervalSince(refreshedAt) > age
    }

    /// Whether the roster's maximum age marks it stale at `now`; never without a maximum age.
    public func isStale(maxAge: TimeInterval?, at now: Date) -> Bool {
        maxAge.map { isOlder(than: $0, at: now) } ?? false
    }
}

/// A creator in a roster: the roster's name and maximum age, and the creator's store number.
public struct RosterMembership: Hashable, Sendable {
    public var roster: String
    public var maxAge: TimeInterval?
    public var creatorID: Int64

    public init(roster: String, maxAge: TimeInterval?, creatorID: Int64) {
        self.roster = roster
        self.maxAge = maxAge
        self.creatorID = creatorID
    }
}

/// What adding targets to a roster did.
public struct RosterAddition: Hashable, Sendable {
    /// Whether the roster was made by this addition.
    public var created: Bool
    /// Targets added.
    public var added: Int
    /// Targets that were in the roster already (merged, not added twice).
    public var alreadyIn: Int

    public init(created: Bool, added: Int, alreadyIn: Int) {
        self.created = created
        self.added = added
        self.alreadyIn = alreadyIn
    }
}
