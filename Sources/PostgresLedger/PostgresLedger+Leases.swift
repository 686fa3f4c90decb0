import Foundation
import PostgresNIO
import RefreshAPI
import RefreshTracking

extension PostgresLedger {
    public func claimLeases(for holder: LeaseHolder, until leaseUntil: Date, now: Date, among ids: [RequestID]?)
        async throws -> LeaseClaim
    {
        try await write { write in
            _ = try await Self.recoverInterruptedSubmissions(write, now: now)
            let wanted = ids?.map(\.rawValue)
            let rows = try await write.rows(
                """
                SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request
                WHERE state IN ('pending', 'stale') AND request_id IS NOT NULL
                    AND (\(wanted)::text[] IS NULL OR request_id = ANY(\(wanted)::text[]))
                """)
            let followed = try rows.map(TrackedRequest.init(ledgerRow:))
            let claimable = followed.filter { $0.isClaimable(at: now) }
            var claimed: [TrackedRequest] = []
            if !claimable.isEmpty {
                let revision = write.nextRevision()
                let numbers = claimable.compactMap(\.id)
                try await write.rows(
                    """
                    UPDATE ylytic.request SET lease_holder = \(holder.rawValue),
                        lease_expires_at = \(leaseUntil.timeIntervalSince1970), revision = \(revision)
                    WHERE id = ANY(\(numbers))
                    """)
                claimed = claimable.map { request in
                    var request = request
                    request.leaseHolder = holder
                    request.leaseExpiresAt = leaseUntil
                    return request
                }
            }
            let nextExpiry = followed.filter { $0.leaseHolder != nil && $0.leaseHolder != holder && !$0.isClaimable(at: now) }
                .compactMap(\.leaseExpiresAt).min()
            return LeaseClaim(claimed: claimed, nextExpiry: nextExpiry)
        }
    }

    public func renewLeases(of holder: LeaseHolder, until leaseUntil: Date) async throws -> Set<RequestID> {
        try await write { write in
            let rows = try await write.rows(
                """
                UPDATE ylytic.request SET lease_expires_at = \(leaseUntil.timeIntervalSince1970)
                WHERE lease_holder = \(holder.rawValue) RETURNING request_id
                """)
            return Set(try rows.compactMap { try $0.decode(String?.self) }.map { RequestID($0) })
        }
    }

    public func releaseLeases(of holder: LeaseHolder) async throws {
        try await write { write in
            let held = try await write.rows(
                "SELECT 1 FROM ylytic.request WHERE lease_holder = \(holder.rawValue) LIMIT 1")
            guard !held.isEmpty else { return }
            try await write.rows(
                """
                UPDATE ylytic.request SET lease_holder = NULL, lease_expires_at = NULL, revision = \(write.nextRevision())
                WHERE lease_holder = \(holder.rawValue)
                """)
        }
    }
}
