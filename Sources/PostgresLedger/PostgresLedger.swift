import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import RefreshAPI
import RefreshTracking

/// A team's ledger on PostgreSQL: every tracked request, every finished response, creators and their snapshots,
/// shared by every process of every teammate pointed at the same database. Changes reach them through
/// `LISTEN`/`NOTIFY`; poll leases keep each pending request with one tracker in the whole team.
///
/// Every write locks the store's revision row first, so writes are serialised and revisions commit in order:
/// a reader of ``changes(since:)`` never skips a write that commits late.
public final class PostgresLedger: TransactionalStore {
    /// The database, without its password.
    public let address: LedgerAddress
    public var location: String { address.description }
    public var isReadOnly: Bool { false }

    let client: PostgresClient
    let logger: Logger
    /// How long a read or a write may take, from the wait for a connection to its last answer, before its
    /// connection is closed and it fails: a server that stopped without closing its connections (suspended, or cut
    /// off) never answers.
    let answerTimeout: Duration
    private let runTask: Task<Void, Never>

    /// The channel every write notifies.
    static let channel = "ylytic_changes"

    private init(address: LedgerAddress, client: PostgresClient, logger: Logger, answerTimeout: Duration) {
        self.address = address
        self.client = client
        self.logger = logger
        self.answerTimeout = answerTimeout
        runTask = Task { await client.run() }
    }

    deinit {
        runTask.cancel()
    }

    /// Connects to the ledger at `address` and migrates it. An unreachable server, a refused login or a database
    /// from a newer ylytic gives a ``LedgerError`` at once (within `connectTimeout`), and the database is left as
    /// it was. A read or write that has no answer within `answerTimeout` fails (``answerTimeout``).
    public static func open(
        _ address: LedgerAddress, connectTimeout: Duration = .seconds(10), answerTimeout: Duration = .seconds(30)
    ) async throws(LedgerError) -> PostgresLedger {
        let logger = Logger(label: "ylytic.ledger", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try address.connectionConfiguration(connectTimeout: connectTimeout), id: 1, logger: logger)
            do {
                try await LedgerMigration.migrate(connection, logger: logger, address: address)
            } catch {
                try? await connection.close()
                throw error
            }
            try? await connection.close()
            let client = PostgresClient(
                configuration: try address.clientConfiguration(connectTimeout: connectTimeout), backgroundLogger: logger)
            return PostgresLedger(address: address, client: client, logger: logger, answerTimeout: answerTimeout)
        } catch let error as LedgerError where error.isNewerSchema {
            throw error
        } catch {
            if let refusal = CertificateRefusal(error) {
                throw LedgerError("cannot open the ledger \(address): \(await refusal.explain(address: address, now: Date()))")
            }
            throw LedgerError("cannot open the ledger \(address): \(LedgerError.explain(error))")
        }
    }

    public func tables() async throws -> [String] {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'ylytic' AND table_type = 'BASE TABLE' ORDER BY table_name
                """, logger: logger
            ).collect().map { try $0.decode(String.self) }
        }
    }

    /// The schema version of the database.
    public func schemaVersion() async throws -> Int {
        try await read { connection, logger in
            try await connection.query("SELECT max(version) FROM ylytic.schema_version", logger: logger)
                .collect().first?.decode(Int?.self) ?? 0
        }
    }

    // MARK: Running queries

    /// Whether the task runs inside a write: a write begun inside another would wait for its lock for ever.
    @TaskLocal static var isWriting = false

    /// Runs `body` in a transaction that first locks the store's revision, then moves the revision on (and
    /// notifies every listener) if `body` took a new one.
    public func write<Result: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> Result) async throws -> Result {
        precondition(!Self.isWriting, "a write of the ledger begun inside another write")
        let logger = self.logger
        do {
            return try await answered { connection in
                let write = try await LedgerWrite.begin(connection, logger: logger)
                do {
                    let result = try await Self.$isWriting.withValue(true) { try await body(write) }
                    try await write.commit()
                    return result
                } catch {
                    await write.rollBack()
                    throw error
                }
            }
        } catch let error as RosterError {
            throw error
        } catch {
            throw LedgerError(LedgerError.explain(error))
        }
    }

    /// Runs `body` on one connection, in one snapshot of the database.
    func read<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Result) async throws -> Result {
        let logger = self.logger
        do {
            return try await answered { connection in
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                do {
                    let result = try await body(connection, logger)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch let error as RosterError {
            throw error
        } catch {
            throw LedgerError(LedgerError.explain(error))
        }
    }

    /// Runs `body` on a connection of the pool within ``answerTimeout`` (the wait for a connection included).
    /// When the time runs out, the connection is closed (its queries fail, and the pool opens another) and it fails
    /// saying the server did not answer, without waiting for `body` to notice: a query on a connection closed under
    /// it is not always failed by PostgresNIO at once. Cancelled, it ends at once the same way.
    private func answered<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let client = self.client
        let answerTimeout = self.answerTimeout
        let run = NIOLockedValueBox(AnsweredRun<Result>())
        let silence = LedgerError("the server did not answer within \(answerTimeout.components.seconds) s")
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // Cancelled before it began: it ends at once.
                guard run.withLockedValue({ $0.begin(continuation) }) else {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                let work = Task {
                    do {
                        try await client.withConnection { connection in
                            guard run.withLockedValue({ $0.lease(connection) }) else { throw CancellationError() }
                            // Ended before the connection goes back to the pool, so that nothing closes it once
                            // another operation has it.
                            do {
                                let value = try await body(connection)
                                run.withLockedValue { $0.end() }?.resume(returning: value)
                            } catch {
                                run.withLockedValue { $0.end() }?.resume(throwing: error)
                            }
                        }
                    } catch {
                        run.withLockedValue { $0.end() }?.resume(throwing: error)
                    }
                }
                let deadline = Task {
                    guard (try? await Task.sleep(for: answerTimeout)) != nil else { return }
                    let (continuation, connection) = run.withLockedValue { $0.giveUp() }
                    continuation?.resume(throwing: silence)
                    work.cancel()
                    try? await connection?.close()
                }
                run.withLockedValue { $0.tasks = [work, deadline] }
            }
        } onCancel: {
            let (continuation, connection) = run.withLockedValue { $0.giveUp() }
            continuation?.resume(throwing: CancellationError())
            for task in run.withLockedValue({ $0.tasks }) { task.cancel() }
            if let connection { Task { try? await connection.close() } }
        }
    }
}
