import Foundation
import PostgresNIO
import RefreshTracking

extension PostgresLedger {
    public func changes(since revision: StoreRevision) async throws -> StoreChanges {
        try await read { connection, logger in
            guard
                let (current, creatorsChangedAt, prunedThrough) = try await connection.query(
                    "SELECT value, creators_changed_at, forgotten_pruned_through FROM ylytic.store_revision WHERE id = 1",
                    logger: logger
                ).collect().first?.decode((Int64, Int64, Int64).self)
            else { throw LedgerError("the ledger's revision is missing") }
            let since = revision.rawValue
            guard since > 0, since >= prunedThrough, since <= current else {
                let all = try await connection.query(
                    """
                    SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request
                    ORDER BY submitted_at DESC, id DESC
                    """, logger: logger
                ).collect()
                return StoreChanges(
                    revision: StoreRevision(current), requests: try all.map(TrackedRequest.init(ledgerRow:)),
                    creatorsChanged: true, replacesEverything: true)
            }
            guard since < current else { return StoreChanges(revision: revision) }
            let requests = try await connection.query(
                """
                SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request WHERE revision > \(since)
                ORDER BY submitted_at DESC, id DESC
                """, logger: logger
            ).collect()
            let forgotten = try await connection.query(
                "SELECT local_id, request_id FROM ylytic.forgotten WHERE revision > \(since) ORDER BY revision",
                logger: logger
            ).collect()
            return StoreChanges(
                revision: StoreRevision(current), requests: try requests.map(TrackedRequest.init(ledgerRow:)),
                forgotten: try forgotten.map {
                    let (local, id) = try $0.decode((Int64, String?).self)
                    return ForgottenRequest(localID: local, requestID: id)
                },
                creatorsChanged: creatorsChangedAt > since)
        }
    }

    /// A hint after every write of any process (`LISTEN`), on a connection of its own. When that connection is
    /// lost, the hints say so, and it is opened again with a growing pause (a quarter second up to five); once it
    /// is back, the hints say so too, and everything that changed meanwhile is read.
    public nonisolated func changeHints() -> AsyncStream<StoreHint> {
        let (stream, continuation) = AsyncStream.makeStream(of: StoreHint.self, bufferingPolicy: .bufferingNewest(64))
        let client = self.client
        let task = Task {
            var isLost = false
            var pause = 0.25
            while !Task.isCancelled {
                var reason = "the server closed the connection"
                do {
                    try await client.withConnection { connection in
                        try await connection.listen(on: Self.channel) { notifications in
                            continuation.yield(isLost ? .connectionRestored : .changed)
                            isLost = false
                            pause = 0.25
                            for try await _ in notifications { continuation.yield(.changed) }
                        }
                    }
                } catch {
                    reason = LedgerError.explain(error)
                }
                if Task.isCancelled { break }
                if !isLost {
                    isLost = true
                    continuation.yield(.connectionLost(reason))
                }
                try? await Task.sleep(for: .seconds(pause))
                pause = min(pause * 2, 5)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
