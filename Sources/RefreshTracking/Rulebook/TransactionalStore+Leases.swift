import Foundation
import RefreshAPI

/// Poll leases, written once for every store: each pending request is polled by the tracker that holds its lease.
extension TransactionalStore {
    public func claimLeases(for holder: LeaseHolder, until leaseUntil: Date, now: Date, among ids: [RequestID]?)
        async throws -> LeaseClaim
    {
        try await write { store in
            _ = try await Self.recoverInterruptedSubmissions(store, now: now)
            let followed = try await store.requests(in: [.pending, .stale], among: ids)
            let claimable = followed.filter { $0.isClaimable(at: now) }
            if !claimable.isEmpty {
                try await store.lease(
                    claimable.compactMap(\.id), to: holder, until: leaseUntil, revision: try await store.nextRevision(creators: false))
            }
            let claimed = claimable.map { request in
                var request = request
                request.leaseHolder = holder
                request.leaseExpiresAt = leaseUntil
                return request
            }
            // When a lease another tracker holds runs out, its request can be taken over.
            let nextExpiry = followed.filter { $0.leaseHolder != nil && $0.leaseHolder != holder && !$0.isClaimable(at: now) }
                .compactMap(\.leaseExpiresAt).min()
            return LeaseClaim(claimed: claimed, nextExpiry: nextExpiry)
        }
    }

    public func renewLeases(of holder: LeaseHolder, until leaseUntil: Date) async throws -> Set<RequestID> {
        try await write { store in try await store.extendLeases(of: holder, until: leaseUntil) }
    }

    public func releaseLeases(of holder: LeaseHolder) async throws {
        try await write { store in
            guard try await store.holdsLeases(holder) else { return }
            try await store.clearLeases(of: holder, revision: try await store.nextRevision(creators: false))
        }
    }
}
