import Foundation
import PostgresNIO
import RefreshTracking

extension PostgresLedger {
    public func usage(since date: Date) async throws -> [UsageCount] {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT floor(sent_at / 3600)::bigint AS hour, submitter, roster, count(*)::bigint AS refreshes
                FROM ylytic.paid_refresh WHERE sent_at >= \(date.timeIntervalSince1970)
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, logger: logger
            ).collect().map { row in
                let (hour, submitter, roster, refreshes) = try row.decode((Int64, String, String?, Int64).self)
                return UsageCount(
                    hour: Date(timeIntervalSince1970: Double(hour) * 3600), submitter: submitter, roster: roster,
                    refreshes: Int(refreshes))
            }
        }
    }

    public func budget() async throws -> RefreshBudget? {
        try await read { connection, logger in
            let value = try await connection.query(
                "SELECT value FROM ylytic.store_setting WHERE key = \(RefreshBudget.settingKey)", logger: logger
            ).collect().first?.decode(String.self)
            return value.flatMap { text in try? RefreshBudget(parsing: text) }
        }
    }
}
