import Foundation
import RefreshAPI

/// What a store takes from another (`ylytic store copy`), written once for every store.
extension TransactionalStore {
    public func adopt(_ request: TrackedRequest, body: Data?, receivedAt: Date?) async throws -> Adoption {
        guard let requestID = request.requestID.map({ RequestID($0) }) else { return .left }
        return try await write { store in
            var copy = request
            copy.leaseHolder = nil
            copy.leaseExpiresAt = nil
            let adoption: Adoption
            if let existing = try await store.request(requestID) {
                guard Adoption.copyEnds(existing, with: copy) else { return .left }
                copy.id = existing.id
                copy.submittedBy = copy.submittedBy ?? existing.submittedBy
                try await store.update(copy, revision: try await store.nextRevision(creators: false))
                adoption = .updated
            } else {
                copy.id = nil
                _ = try await store.insert(copy, revision: try await store.nextRevision(creators: false))
                adoption = .added
            }
            if let body {
                let received = receivedAt ?? request.finishedAt ?? request.submittedAt
                try await store.saveResponse(body, of: requestID, receivedAt: received, replacing: false)
            }
            return adoption
        }
    }

    public func adopt(_ creator: StoredCreator, snapshots: [CreatorSnapshot]) async throws -> Int {
        try await write { store in
            let existing = try await store.creator(platform: creator.platform, key: creator.key)
            let creatorID: Int64
            if let existing, let id = existing.id, existing.lastRefreshedAt >= creator.lastRefreshedAt {
                creatorID = id
            } else {
                var newer = creator
                newer.id = existing?.id
                creatorID = try await store.save(newer)
            }
            var added = 0
            for snapshot in snapshots {
                var copy = snapshot
                copy.id = nil
                copy.creatorID = creatorID
                if try await store.insert(copy) { added += 1 }
            }
            _ = try await store.nextRevision(creators: true)
            return added
        }
    }

    public func adopt(_ roster: Roster, members: [RosterMember]) async throws -> RosterAddition {
        try Roster.checkSize(members.count, of: roster.name)
        return try await write { store in
            try await Self.add(members.map { ($0.target, $0.addedAt) }, to: roster.name, makingIt: roster, store)
        }
    }
}
