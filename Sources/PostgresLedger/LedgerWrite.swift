import Foundation
import Logging
import PostgresNIO

/// One write transaction of the ledger. It starts by locking the store's revision row, so that writes are
/// serialised and each takes its revisions in commit order; at commit, a revision that moved is written and
/// every listener is notified. Used by one task at a time, from ``PostgresLedger/write(_:)``.
final class LedgerWrite: @unchecked Sendable {
    let connection: PostgresConnection
    let logger: Logger
    private(set) var revision: Int64
    private var creatorsChangedAt: Int64
    private let startRevision: Int64

    private init(connection: PostgresConnection, logger: Logger, revision: Int64, creatorsChangedAt: Int64) {
        self.connection = connection
        self.logger = logger
        self.revision = revision
        self.creatorsChangedAt = creatorsChangedAt
        startRevision = revision
    }

    static func begin(_ connection: PostgresConnection, logger: Logger) async throws -> LedgerWrite {
        try await connection.query("BEGIN", logger: logger)
        do {
            let row = try await connection.query(
                "SELECT value, creators_changed_at FROM ylytic.store_revision WHERE id = 1 FOR UPDATE", logger: logger
            ).collect().first
            guard let (value, creators) = try row?.decode((Int64, Int64).self) else {
                throw LedgerError("the ledger's revision is missing")
            }
            return LedgerWrite(connection: connection, logger: logger, revision: value, creatorsChangedAt: creators)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Moves the store's revision on and returns the new one; `creators` marks a change of creators too.
    func takeRevision(creators: Bool) -> Int64 {
        revision += 1
        if creators { creatorsChangedAt = revision }
        return revision
    }

    /// Runs a statement; returns its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    func commit() async throws {
        if revision != startRevision {
            try await connection.query(
                "UPDATE ylytic.store_revision SET value = \(revision), creators_changed_at = \(creatorsChangedAt) WHERE id = 1",
                logger: logger)
            try await connection.query("NOTIFY \(unescaped: PostgresLedger.channel)", logger: logger)
        }
        try await connection.query("COMMIT", logger: logger)
    }

    func rollBack() async {
        _ = try? await connection.query("ROLLBACK", logger: logger)
    }
}
