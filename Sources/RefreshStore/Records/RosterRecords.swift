import Foundation
import GRDB
import RefreshAPI
import RefreshTracking

/// A row of `roster`, with how many members it has when read with them counted.
struct RosterRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "roster"

    var id: Int64?
    var roster: Roster

    init(_ roster: Roster) {
        self.roster = roster
    }

    init(row: Row) {
        id = row["id"]
        roster = Roster(
            id: row["id"], name: row["name"], maxAge: row["max_age"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
            memberCount: row["members"] ?? 0)
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["name"] = roster.name
        container["max_age"] = roster.maxAge
        container["created_at"] = roster.createdAt.timeIntervalSince1970
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The store number of the roster named `name`, whatever its case.
    static func id(named name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM roster WHERE lower(name) = lower(?)", arguments: [name])
    }
}

/// A row of `roster_member`: a creator of a roster, as the target it was added as.
struct RosterMemberRecord: PersistableRecord {
    static let databaseTableName = "roster_member"

    let rosterID: Int64
    let target: RefreshTarget
    let addedAt: Date

    func encode(to container: inout PersistenceContainer) {
        container["roster_id"] = rosterID
        container["request_type"] = target.type.rawValue
        container["target_value"] = target.value
        container["added_at"] = addedAt.timeIntervalSince1970
    }
}
