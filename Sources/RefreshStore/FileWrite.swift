import Foundation
import GRDB
import RefreshAPI
import RefreshTracking
import Synchronization

/// One write to the file, under SQLite's write lock (`BEGIN IMMEDIATE`, so that processes write one after the
/// other): the records the rulebook reads and saves, each a statement on the file's one writing connection. The
/// store's revision is read when the write begins, counted here, and written when it commits, as the ledger does.
final class FileWrite: StoreTransaction {
    let database: any DatabaseWriter
    private let counters: Mutex<(revision: Int64, creatorsChangedAt: Int64)>
    private let startRevision: Int64

    /// Begins a write: takes SQLite's write lock and reads the store's revision.
    static func begin(on database: any DatabaseWriter) async throws -> FileWrite {
        let counters = try await database.writeWithoutTransaction { db -> (Int64, Int64) in
            // A transaction left open by a write that could not be rolled back would hold the lock for good.
            if db.isInsideTransaction { try db.rollback() }
            try db.beginTransaction(.immediate)
            guard let row = try Row.fetchOne(db, sql: "SELECT value, creators_changed_at FROM store_revision") else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the store's revision is missing")
            }
            return (row["value"], row["creators_changed_at"])
        }
        return FileWrite(database: database, revision: counters.0, creatorsChangedAt: counters.1)
    }

    private init(database: any DatabaseWriter, revision: Int64, creatorsChangedAt: Int64) {
        self.database = database
        counters = Mutex((revision, creatorsChangedAt))
        startRevision = revision
    }

    /// Writes the revision taken, if any, and commits.
    func commit() async throws {
        let (revision, creators) = counters.withLock { ($0.revision, $0.creatorsChangedAt) }
        let moved = revision != startRevision
        try await database.writeWithoutTransaction { db in
            if moved {
                try db.execute(
                    sql: "UPDATE store_revision SET value = ?, creators_changed_at = ?", arguments: [revision, creators])
            }
            try db.commit()
        }
    }

    /// Runs `body` on the writing connection, inside the write begun. SQLite's write lock is held already, so a
    /// statement never waits for another process: it runs at once, on this thread, without a hop to the writer's
    /// queue and back.
    private func run<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try runNow(body)
    }

    /// GRDB's synchronous write (a synchronous function is given that one, not the one that suspends).
    private func runNow<T>(_ body: (Database) throws -> T) throws -> T {
        try database.writeWithoutTransaction(body)
    }

    func nextRevision(creators: Bool) async throws -> Int64 {
        counters.withLock { counters in
            counters.revision += 1
            if creators { counters.creatorsChangedAt = counters.revision }
            return counters.revision
        }
    }

    // MARK: Requests

    func request(localID: Int64) async throws -> TrackedRequest? {
        try await run { db in
            try RequestRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM request WHERE id = ?"), arguments: [localID])?.request
        }
    }

    func request(_ id: RequestID) async throws -> TrackedRequest? {
        // A statement kept by the connection: the rulebook reads a request by its id in almost every write.
        try await run { db in
            try RequestRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM request WHERE request_id = ?"), arguments: [id.rawValue])?
                .request
        }
    }

    func requests(sameTargetAs target: RefreshTarget) async throws -> [TrackedRequest] {
        try await run { db in
            try RequestRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM request WHERE request_type = ? AND lower(target_value) = lower(?)
                    ORDER BY submitted_at DESC, id DESC
                    """, arguments: [target.type.rawValue, target.value]
            ).map(\.request)
        }
    }

    func requests(in states: Set<TrackedState>, among ids: [RequestID]?) async throws -> [TrackedRequest] {
        try await run { db in
            let inStates = RequestRecord.filter(states.map(\.rawValue).contains(Column("state")))
            guard let ids else { return try inStates.fetchAll(db).map(\.request) }
            // A few hundred at a time: SQLite takes only so many variables in one statement.
            return try ids.chunks(of: 500).flatMap { chunk in
                try inStates.filter(chunk.map(\.rawValue).contains(Column("request_id"))).fetchAll(db).map(\.request)
            }
        }
    }

    func insert(_ request: TrackedRequest, revision: Int64) async throws -> Int64 {
        try await run { db in
            var record = RequestRecord(request, revision: revision)
            record.request.id = nil
            try record.insert(db)
            return record.request.id ?? db.lastInsertedRowID
        }
    }

    func update(_ request: TrackedRequest, revision: Int64?) async throws {
        try await run { db in try RequestRecord(request, revision: revision).update(db) }
    }

    func delete(_ request: TrackedRequest, tombstoneRevision revision: Int64, at date: Date) async throws {
        try await run { db in
            _ = try RequestRecord.deleteOne(db, key: request.id)
            try TombstoneRecord(revision: revision, localID: request.id, requestID: request.requestID, forgottenAt: date).insert(db)
        }
    }

    func pruneTombstones(olderThan horizon: Date) async throws {
        try await run { db in
            guard
                let pruned = try Int64.fetchOne(
                    db, sql: "SELECT max(revision) FROM forgotten WHERE forgotten_at < ?", arguments: [horizon.timeIntervalSince1970])
            else { return }
            try db.execute(sql: "DELETE FROM forgotten WHERE revision <= ?", arguments: [pruned])
            try db.execute(sql: "UPDATE store_revision SET forgotten_pruned_through = ?", arguments: [pruned])
        }
    }

    // MARK: Leases

    func lease(_ localIDs: [Int64], to holder: LeaseHolder, until: Date, revision: Int64) async throws {
        try await run { db in
            for chunk in localIDs.chunks(of: 500) {
                _ = try RequestRecord.filter(keys: chunk).updateAll(
                    db, Column("lease_holder").set(to: holder.rawValue),
                    Column("lease_expires_at").set(to: until.timeIntervalSince1970), Column("revision").set(to: revision))
            }
        }
    }

    func extendLeases(of holder: LeaseHolder, until: Date) async throws -> Set<RequestID> {
        try await run { db in
            let rows = try Row.fetchAll(
                db, sql: "UPDATE request SET lease_expires_at = ? WHERE lease_holder = ? RETURNING request_id",
                arguments: [until.timeIntervalSince1970, holder.rawValue])
            return Set(rows.compactMap { $0["request_id"] as String? }.map { RequestID($0) })
        }
    }

    func holdsLeases(_ holder: LeaseHolder) async throws -> Bool {
        try await run { db in try RequestRecord.filter(Column("lease_holder") == holder.rawValue).isEmpty(db) == false }
    }

    func clearLeases(of holder: LeaseHolder, revision: Int64) async throws {
        try await run { db in
            _ = try RequestRecord.filter(Column("lease_holder") == holder.rawValue).updateAll(
                db, Column("lease_holder").set(to: nil), Column("lease_expires_at").set(to: nil), Column("revision").set(to: revision))
        }
    }

    // MARK: Responses

    func saveResponse(_ body: Data, of id: RequestID, receivedAt: Date, replacing: Bool) async throws {
        try await run { db in
            try ResponseRecord(requestID: id.rawValue, receivedAt: receivedAt, body: body).insert(db, onConflict: replacing ? .replace : .ignore)
        }
    }

    func deleteResponse(of id: RequestID) async throws -> Bool {
        try await run { db in try ResponseRecord.deleteOne(db, key: id.rawValue) }
    }

    // MARK: Creators

    func creator(platform: String, key: String) async throws -> StoredCreator? {
        try await run { db in
            try CreatorRecord.fetchOne(db.cachedStatement(sql: #"SELECT * FROM creator WHERE platform = ? AND "key" = ?"#), arguments: [platform, key])?
                .creator
        }
    }

    func save(_ creator: StoredCreator) async throws -> Int64 {
        try await run { db in
            var record = CreatorRecord(creator)
            if creator.id != nil { try record.update(db) } else { try record.insert(db) }
            return record.creator.id ?? db.lastInsertedRowID
        }
    }

    func insert(_ snapshot: CreatorSnapshot) async throws -> Bool {
        try await run { db in
            var record = SnapshotRecord(snapshot)
            try record.insert(db, onConflict: .ignore)
            return db.changesCount > 0
        }
    }

    func deleteSnapshots(ofRequest id: RequestID) async throws -> Int {
        try await run { db in try SnapshotRecord.filter(Column("request_id") == id.rawValue).deleteAll(db) }
    }

    func deleteCreatorsWithoutSnapshots() async throws {
        try await run { db in try db.execute(sql: "DELETE FROM creator WHERE id NOT IN (SELECT creator_id FROM snapshot)") }
    }

    // MARK: Rosters

    func rosterID(named name: String) async throws -> Int64? {
        try await run { db in try RosterRecord.id(named: name, in: db) }
    }

    func insert(_ roster: Roster) async throws -> Int64 {
        try await run { db in
            var record = RosterRecord(roster)
            try record.insert(db)
            return record.id ?? db.lastInsertedRowID
        }
    }

    func setMaxAge(ofRoster id: Int64, to maxAge: TimeInterval?) async throws {
        try await run { db in _ = try RosterRecord.filter(key: id).updateAll(db, Column("max_age").set(to: maxAge)) }
    }

    func rename(roster id: Int64, to name: String) async throws {
        try await run { db in _ = try RosterRecord.filter(key: id).updateAll(db, Column("name").set(to: name)) }
    }

    func deleteRoster(_ id: Int64) async throws {
        try await run { db in _ = try RosterRecord.deleteOne(db, key: id) }
    }

    func addMembers(_ members: [(target: RefreshTarget, addedAt: Date)], toRoster id: Int64) async throws -> Int {
        let members = members.map { RosterMemberRecord(rosterID: id, target: $0.target, addedAt: $0.addedAt) }
        return try await run { db in
            var added = 0
            for member in members {
                try member.insert(db, onConflict: .ignore)
                added += db.changesCount
            }
            return added
        }
    }

    func removeMembers(_ targets: [RefreshTarget], fromRoster id: Int64) async throws -> [RefreshTarget] {
        try await run { db in
            var removed: [RefreshTarget] = []
            for target in targets {
                try db.execute(
                    sql: "DELETE FROM roster_member WHERE roster_id = ? AND request_type = ? AND target_value = ?",
                    arguments: [id, target.type.rawValue, target.value])
                if db.changesCount > 0 { removed.append(target) }
            }
            return removed
        }
    }

    func insertPaidRefresh(ofRequest localID: Int64, at date: Date, submitter: String, roster: String?) async throws {
        try await run { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO paid_refresh (request_id, sent_at, submitter, roster) VALUES (?, ?, ?, ?)",
                arguments: [localID, date.timeIntervalSince1970, submitter, roster])
        }
    }

    func deletePaidRefresh(ofRequest localID: Int64) async throws {
        try await run { db in try db.execute(sql: "DELETE FROM paid_refresh WHERE request_id = ?", arguments: [localID]) }
    }

    func paidRefreshCount(since date: Date) async throws -> Int {
        try await run { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM paid_refresh WHERE sent_at >= ?", arguments: [date.timeIntervalSince1970]) ?? 0
        }
    }

    func setting(_ key: String) async throws -> String? {
        try await run { db in try String.fetchOne(db, sql: "SELECT value FROM store_setting WHERE key = ?", arguments: [key]) }
    }

    func setSetting(_ key: String, to value: String?) async throws {
        try await run { db in
            if let value {
                try db.execute(sql: "INSERT OR REPLACE INTO store_setting (key, value) VALUES (?, ?)", arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM store_setting WHERE key = ?", arguments: [key])
            }
        }
    }

    func memberCount(ofRoster id: Int64) async throws -> Int {
        try await run { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM roster_member WHERE roster_id = ?", arguments: [id]) ?? 0 }
    }
}

/// Lets one write at a time into the file from this process: SQLite's lock keeps other processes out, and this
/// keeps the writes of this process from running into each other's transaction on the one writing connection.
actor WriteGate {
    private var isBusy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard isBusy else {
            isBusy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { isBusy = false } else { waiting.removeFirst().resume() }
    }
}

extension RefreshStore: TransactionalStore {
    /// Whether the task runs inside a write: a write begun inside another would wait for it for ever.
    @TaskLocal static var isWriting = false

    public func write<Result: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> Result) async throws -> Result {
        precondition(!Self.isWriting, "a write of the store begun inside another write")
        await writeGate.enter()
        let write: FileWrite
        do {
            write = try await FileWrite.begin(on: database)
        } catch {
            rollBack()
            await writeGate.leave()
            throw error
        }
        do {
            let result = try await Self.$isWriting.withValue(true) { try await body(write) }
            try await write.commit()
            await writeGate.leave()
            return result
        } catch {
            rollBack()
            await writeGate.leave()
            throw error
        }
    }

    /// Rolls the write under way back, at once and whatever happens to the task: a write given up is undone before
    /// another may begin.
    private func rollBack() {
        try? database.writeWithoutTransaction { db in if db.isInsideTransaction { try db.rollback() } }
    }
}
