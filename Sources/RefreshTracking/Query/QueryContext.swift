import Foundation

/// What a query asks besides a creator's own figures: the time now, and the rosters each creator is in.
public struct QueryContext: Sendable {
    /// A roster a creator is in: its name in lower case and its maximum age.
    public struct Membership: Hashable, Sendable {
        public var name: String
        public var maxAge: TimeInterval?

        public init(name: String, maxAge: TimeInterval?) {
            self.name = name.lowercased()
            self.maxAge = maxAge
        }
    }

    public var now: Date
    /// The rosters of each creator, by its store number.
    public var rosters: [Int64: [Membership]]

    public init(now: Date, rosters: [Int64: [Membership]] = [:]) {
        self.now = now
        self.rosters = rosters
    }

    /// The rosters of `creator`.
    public func rosters(of creator: StoredCreator) -> [Membership] {
        creator.id.flatMap { rosters[$0] } ?? []
    }

    /// Whether the creator's figures are older than the smallest maximum age of its rosters; never when none
    /// of its rosters has one.
    public func isStale(_ creator: StoredCreator) -> Bool {
        Self.isStale(creator, in: rosters(of: creator), at: now)
    }

    /// Whether the creator's figures are older at `now` than the smallest maximum age of `rosters`.
    public static func isStale(_ creator: StoredCreator, in rosters: [Membership], at now: Date) -> Bool {
        guard let due = dueDate(creator, in: rosters) else { return false }
        return now > due
    }

    /// When the creator's figures grow older than the smallest maximum age of `rosters`; nil when none has one.
    public static func dueDate(_ creator: StoredCreator, in rosters: [Membership]) -> Date? {
        rosters.compactMap(\.maxAge).min().map { creator.lastRefreshedAt.addingTimeInterval($0) }
    }

    /// The context of `store` at `now`.
    public static func read(from store: any TrackingStore, now: Date) async throws -> QueryContext {
        QueryContext(now: now, rosters: try await memberships(in: store))
    }

    /// The rosters of every creator in `store` that a refresh made known, by its store number.
    public static func memberships(in store: any TrackingStore) async throws -> [Int64: [Membership]] {
        var rosters: [Int64: [Membership]] = [:]
        for membership in try await store.rosterMemberships() {
            rosters[membership.creatorID, default: []].append(Membership(name: membership.roster, maxAge: membership.maxAge))
        }
        return rosters
    }
}
