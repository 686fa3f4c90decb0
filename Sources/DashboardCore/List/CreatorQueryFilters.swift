import Foundation
import Presentation
import RefreshAPI
import RefreshTracking

/// What `/` offers where creators are queried, for help.
enum CreatorQueryHelp {
    static let summary = "query as you type: text, tier:micro,mid er>3% city:pune refreshed<7d stale -x OR … (Esc clears)"
}

extension CreatorRow {
    /// The row as files of creators list it, stale as its rosters say at `now`.
    func listing(now: Date) -> CreatorListing {
        CreatorListing(creator, isStale: QueryContext.isStale(creator, in: rosters, at: now))
    }
}

/// The filter of the Creators list: the text typed read as a ``CreatorQuery`` (`tier:micro er>3% city:pune`).
public struct CreatorRowFilter: RowFilter {
    let query: CreatorQuery
    let now: Date

    public init(_ text: String, now: Date) throws(QueryError) {
        query = try CreatorQuery(parsing: text)
        self.now = now
    }

    public func admits(_ row: CreatorRow) -> Bool {
        query.matches(row.creator, rosters: row.rosters, now: now)
    }
}

/// The filter of a roster's creators: the same query, asked of each creator; one never refreshed is known by the
/// target it was added as, and is stale when its roster has a maximum age.
public struct MemberRowFilter: RowFilter {
    let query: CreatorQuery
    let now: Date

    public init(_ text: String, now: Date) throws(QueryError) {
        query = try CreatorQuery(parsing: text)
        self.now = now
    }

    public func admits(_ row: RosterRow.Member) -> Bool {
        query.matches(
            member: row.target, creator: row.creator?.creator, rosters: row.creator?.rosters ?? [], isStale: row.isStale,
            now: now)
    }
}
