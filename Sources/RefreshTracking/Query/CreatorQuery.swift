import Foundation
import RefreshAPI

/// A question about creators, as typed in `creators --where`, `/` on the Creators tab and in a roster:
/// `tier:micro,mid er>3% city:pune refreshed<7d OR -platform:youtube stale`. Terms next to each other must all hold;
/// `OR` joins such groups. Parsed once (``init(parsing:)``), then asked of each creator.
public struct CreatorQuery: Hashable, Sendable {
    /// Groups of terms: a creator matches when every term of any group holds. No group: every creator matches.
    public var groups: [[QueryTerm]]

    public init(groups: [[QueryTerm]]) {
        self.groups = groups
    }

    /// Reads a query; an empty one matches every creator.
    public init(parsing text: String) throws(QueryError) {
        groups = try QueryParser(text).parse()
    }

    /// Whether the query asks nothing (it matches every creator).
    public var isEmpty: Bool { groups.isEmpty }

    /// The creators both queries select: each group of one joined to each group of the other.
    public func and(_ other: CreatorQuery) -> CreatorQuery {
        if isEmpty { return other }
        if other.isEmpty { return self }
        return CreatorQuery(groups: groups.flatMap { mine in other.groups.map { mine + $0 } })
    }

    public func matches(_ creator: StoredCreator, in context: QueryContext) -> Bool {
        matches(creator, rosters: context.rosters(of: creator), now: context.now)
    }

    /// Whether `creator`, in `rosters`, matches at `now`.
    public func matches(_ creator: StoredCreator, rosters: [QueryContext.Membership], now: Date) -> Bool {
        groups.isEmpty
            || groups.contains { group in group.allSatisfy { $0.holds(for: creator, rosters: rosters, now: now) } }
    }

    /// Whether a roster's member matches: the creator a refresh made known (in `rosters`), or, never refreshed, the
    /// target it was added as, stale exactly when its roster says so (`isStale`).
    public func matches(
        member target: RefreshTarget, creator: StoredCreator?, rosters: [QueryContext.Membership], isStale: Bool,
        now: Date
    ) -> Bool {
        if let creator { return matches(creator, rosters: rosters, now: now) }
        let known = StoredCreator(
            platform: target.type.platform.rawValue, key: target.value, handle: target.value, lastRefreshedAt: .distantPast)
        // A maximum age of nothing makes a creator never refreshed stale, as its roster says it is.
        return matches(known, rosters: isStale ? [QueryContext.Membership(name: "", maxAge: 0)] : [], now: now)
    }

    /// The creators of `creators` that match, in their order.
    public func filter(_ creators: [StoredCreator], in context: QueryContext) -> [StoredCreator] {
        groups.isEmpty ? creators : creators.filter { matches($0, in: context) }
    }
}

extension QueryTerm {
    /// Whether the term holds for `creator`. A condition on a figure or text the store does not know never holds
    /// (so its negation does).
    public func holds(for creator: StoredCreator, rosters: [QueryContext.Membership], now: Date) -> Bool {
        conditionHolds(for: creator, rosters: rosters, now: now) != negated
    }

    private func conditionHolds(for creator: StoredCreator, rosters: [QueryContext.Membership], now: Date) -> Bool {
        switch condition {
        case .text(let text):
            return [creator.name, creator.handle, creator.biography, creator.key].contains { field in
                field.map { $0.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil } ?? false
            }
        case .oneOf(let field, let wanted):
            return Self.holds(field, wanted, for: creator, rosters: rosters)
        case .compare(let field, let comparison, let value):
            return field.value(of: creator).map { comparison.holds($0, value) } ?? false
        case .between(let field, let low, let high):
            guard let value = field.value(of: creator) else { return false }
            return (low.map { value >= $0 } ?? true) && (high.map { value <= $0 } ?? true)
        case .refreshed(let comparison, let seconds):
            // As a store asks it: the time of the refresh against the time that many seconds ago.
            return comparison.mirrored.holds(
                creator.lastRefreshedAt.timeIntervalSince1970, now.timeIntervalSince1970 - seconds)
        case .stale:
            return QueryContext.isStale(creator, in: rosters, at: now)
        }
    }

    private static func holds(
        _ field: TextField, _ wanted: [String], for creator: StoredCreator, rosters: [QueryContext.Membership]
    ) -> Bool {
        switch field {
        case .tier:
            guard let tier = creator.tier?.lowercased() else { return false }
            return wanted.contains { $0 == tier || tier.split(separator: "-").contains(Substring($0)) }
        case .platform:
            return wanted.contains(creator.platform.lowercased())
        case .roster:
            return rosters.contains { wanted.contains($0.name) }
        case .category, .city, .country:
            let text = field == .category ? creator.category : field == .city ? creator.city : creator.country
            guard let text else { return false }
            return wanted.contains { text.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }
    }
}
