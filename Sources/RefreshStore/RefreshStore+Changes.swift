import Foundation
import GRDB
import RefreshTracking

extension RefreshStore {
    public func changes(since revision: StoreRevision) async throws -> StoreChanges {
        try await database.read { db in
            guard let counters = try Row.fetchOne(db, sql: "SELECT * FROM store_revision") else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the store's revision is missing")
            }
            let current: Int64 = counters["value"]
            let creatorsChangedAt: Int64 = counters["creators_changed_at"]
            let prunedThrough: Int64 = counters["forgotten_pruned_through"]
            let since = revision.rawValue
            guard since > 0, since >= prunedThrough, since <= current else {
                let all = try Row.fetchAll(db, sql: "SELECT * FROM request ORDER BY submitted_at DESC, id DESC")
                return StoreChanges(
                    revision: StoreRevision(current), requests: all.map { RequestRecord(row: $0).request }, creatorsChanged: true,
                    replacesEverything: true)
            }
            guard since < current else { return StoreChanges(revision: revision) }
            let requests = try Row.fetchAll(
                db, sql: "SELECT * FROM request WHERE revision > ? ORDER BY submitted_at DESC, id DESC", arguments: [since])
            let forgotten = try Row.fetchAll(
                db, sql: "SELECT local_id, request_id FROM forgotten WHERE revision > ? ORDER BY revision",
                arguments: [since])
            return StoreChanges(
                revision: StoreRevision(current), requests: requests.map { RequestRecord(row: $0).request },
                forgotten: forgotten.map { ForgottenRequest(localID: $0["local_id"], requestID: $0["request_id"]) },
                creatorsChanged: creatorsChangedAt > since)
        }
    }

    public nonisolated func changeHints() -> AsyncStream<StoreHint> {
        // Nobody else writes a store held in memory.
        guard let url else { return AsyncStream { $0.finish() } }
        return StoreFileWatch.hints(for: url)
    }
}
