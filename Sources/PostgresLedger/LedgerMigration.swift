import Foundation
import Logging
import PostgresNIO

/// Creates and migrates the ledger's schema, one process at a time, and refuses a database from a newer ylytic
/// before changing anything in it.
enum LedgerMigration {
    /// A constant for `pg_advisory_xact_lock`: processes opening the ledger at once migrate it one after another.
    private static let lockKey: Int64 = 0x796C_7974_6963  // "ylytic"

    static func migrate(_ connection: PostgresConnection, logger: Logger, address: LedgerAddress) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            let exists = try await connection.query(
                "SELECT to_regclass('ylytic.schema_version') IS NOT NULL", logger: logger
            ).collect().first?.decode(Bool.self) ?? false
            var current = 0
            if exists {
                current = try await connection.query(
                    "SELECT coalesce(max(version), 0) FROM ylytic.schema_version", logger: logger
                ).collect().first?.decode(Int.self) ?? 0
            }
            if current > LedgerSchema.latest {
                throw LedgerError(
                    "the ledger \(address) was written by a newer ylytic (schema \(current), this one knows "
                        + "\(LedgerSchema.latest)). It was left untouched; upgrade ylytic.", isNewerSchema: true)
            }
            if !exists {
                try await connection.query("CREATE SCHEMA IF NOT EXISTS ylytic", logger: logger)
                try await connection.query(
                    "CREATE TABLE ylytic.schema_version (version integer PRIMARY KEY, applied_at double precision NOT NULL)",
                    logger: logger)
            }
            for version in (current + 1)..<(LedgerSchema.latest + 1) {
                for statement in LedgerSchema.migrations[version - 1] {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO ylytic.schema_version VALUES (\(version), \(Date().timeIntervalSince1970))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
