import Foundation
import GRDB
import RefreshTracking

extension RefreshStore {
    public func usage(since date: Date) async throws -> [UsageCount] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT CAST(sent_at / 3600 AS INTEGER) AS hour, submitter, roster, count(*) AS refreshes
                    FROM paid_refresh WHERE sent_at >= ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                    """, arguments: [date.timeIntervalSince1970]
            ).map { row in
                UsageCount(
                    hour: Date(timeIntervalSince1970: Double(row["hour"] as Int64) * 3600), submitter: row["submitter"],
                    roster: row["roster"], refreshes: row["refreshes"])
            }
        }
    }

    public func budget() async throws -> RefreshBudget? {
        try await database.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM store_setting WHERE key = ?", arguments: [RefreshBudget.settingKey])
                .flatMap { try? RefreshBudget(parsing: $0) }
        }
    }
}
