import Foundation
import GRDB
import RefreshAPI
import RefreshTracking

extension RefreshStore {
    public func claimLeases(for holder: LeaseHolder, until leaseUntil: Date, now: Date, among ids: [RequestID]?)
        async throws -> LeaseClaim
    {
        try await database.write { db in
            _ = try Self.recoverInterruptedSubmissions(db, now: now)
            let among = ids.map { "AND request_id IN (\($0.map { _ in "?" }.joined(separator: ", ")))" } ?? ""
            let idArguments = StatementArguments((ids ?? []).map(\.rawValue))
            let followed = "state IN ('pending', 'stale') AND request_id IS NOT NULL \(among)"
            let claimable = "\(followed) AND (lease_holder IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= ?)"
            var claimed: [TrackedRequest] = []
            if try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM request WHERE \(claimable))",
                arguments: idArguments + [now.timeIntervalSince1970] as StatementArguments) == true
            {
                var arguments: StatementArguments = [holder.rawValue, leaseUntil.timeIntervalSince1970]
                arguments += [try db.nextRevision()]
                arguments += idArguments
                arguments += [now.timeIntervalSince1970]
                claimed = try Row.fetchAll(
                    db,
                    sql: "UPDATE request SET lease_holder = ?, lease_expires_at = ?, revision = ? WHERE \(claimable) RETURNING *",
                    arguments: arguments
                ).map(TrackedRequest.init(row:))
            }
            let nextExpiry = try Double.fetchOne(
                db, sql: "SELECT min(lease_expires_at) FROM request WHERE \(followed) AND lease_holder != ?",
                arguments: idArguments + [holder.rawValue] as StatementArguments)
            return LeaseClaim(claimed: claimed, nextExpiry: nextExpiry.map(Date.init(timeIntervalSince1970:)))
        }
    }

    public func renewLeases(of holder: LeaseHolder, until leaseUntil: Date) async throws -> Set<RequestID> {
        try await database.write { db in
            let rows = try Row.fetchAll(
                db, sql: "UPDATE request SET lease_expires_at = ? WHERE lease_holder = ? RETURNING request_id",
                arguments: [leaseUntil.timeIntervalSince1970, holder.rawValue])
            let ids: [String] = rows.compactMap { $0["request_id"] }
            return Set(ids.map { RequestID($0) })
        }
    }

    public func releaseLeases(of holder: LeaseHolder) async throws {
        try await database.write { db in
            guard try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM request WHERE lease_holder = ?)", arguments: [holder.rawValue])
                == true
            else { return }
            try db.execute(
                sql: "UPDATE request SET lease_holder = NULL, lease_expires_at = NULL, revision = ? WHERE lease_holder = ?",
                arguments: [try db.nextRevision(), holder.rawValue])
        }
    }
}
