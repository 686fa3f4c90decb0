import Foundation
import RefreshAPI

/// Finds in a store the refresh a ``RefreshReference`` names: the request with that id, or the latest refresh of
/// the creator or post it names.
public struct RefreshLookup: Sendable {
    /// Which refresh of a creator or post is meant.
    public enum Wanted: Sendable {
        /// The latest that succeeded (else the latest that failed): what a report, an export or a page shows.
        case latestFinished
        /// The latest request, pending or not: what `status` answers about.
        case latestRequest
    }

    /// What a reference names.
    public enum Found: Sendable, Equatable {
        /// A request the store knows of by this id; `tracked` is nil when the store kept its response and figures
        /// but no longer tracks it.
        case request(RequestID, tracked: TrackedRequest?)
        /// A word that names nothing in the store and may be a request id only the server knows.
        case unknownWord(RequestID)
        /// Nothing in the store; the text says what was looked for.
        case notFound(String)
        /// Several creators answer to the reference.
        case ambiguous([StoredCreator])
    }

    /// What a reference names when a creator is wanted.
    public enum FoundCreator: Sendable, Equatable {
        case creator(StoredCreator)
        case notFound(String)
        case ambiguous([StoredCreator])
    }

    let store: any TrackingStore

    public init(store: any TrackingStore) {
        self.store = store
    }

    public func find(_ reference: RefreshReference, wanting wanted: Wanted) async throws -> Found {
        switch reference {
        case .word(let word):
            let id = RequestID(typed: word)
            if let tracked = try await store.request(id) { return .request(id, tracked: tracked) }
            let creators = try await store.creators(matching: word)
            if creators.count > 1 { return .ambiguous(creators) }
            if let creator = creators.first { return try await latest(of: creator, typed: nil, wanted) }
            if let target = try? RefreshTarget(listEntry: word),
                let found = try await latest(of: target, wanted)
            {
                return found
            }
            return id.isWellFormed ? .unknownWord(id) : .notFound("no request or creator '\(word)' in the store")
        case .target(let target):
            if !target.type.isSinglePost {
                let creators = try await store.creators(matching: target.value).filter { Self.is($0, target) }
                if creators.count > 1 { return .ambiguous(creators) }
                if let creator = creators.first { return try await latest(of: creator, typed: target, wanted) }
            }
            return try await latest(of: target, wanted)
                ?? .notFound("no refresh of \(RefreshReference.target(target)) in the store")
        }
    }

    /// The creator `reference` names, or the one the request or post it names was about.
    public func creator(_ reference: RefreshReference) async throws -> FoundCreator {
        let creators: [StoredCreator]
        var aboutRequest: RequestID?
        switch reference {
        case .word(let word):
            creators = try await store.creators(matching: word)
            aboutRequest = RequestID(typed: word)
        case .target(let target) where target.type.isSinglePost:
            creators = []
            if case .request(let id, _)? = try await latest(of: target, .latestFinished) { aboutRequest = id }
        case .target(let target):
            creators = try await store.creators(matching: target.value).filter { Self.is($0, target) }
        }
        if creators.count > 1 { return .ambiguous(creators) }
        if let creator = creators.first { return .creator(creator) }
        if let aboutRequest, let snapshot = try await store.history(ofCreatorRefreshedBy: aboutRequest).first,
            let creator = try await store.creators().first(where: { $0.id == snapshot.creatorID })
        {
            return .creator(creator)
        }
        return .notFound("no creator \(reference) in the store")
    }

    /// The latest refresh of `creator` (or of the target it was typed as).
    private func latest(of creator: StoredCreator, typed: RefreshTarget?, _ wanted: Wanted) async throws -> Found {
        let snapshots = try await store.history(of: creator)
        let refreshedBy = Set(snapshots.map(\.requestID))
        let requests = try await store.requests(in: nil).filter { request in
            guard let id = request.requestID else { return false }
            if refreshedBy.contains(id) { return true }
            guard let target = request.target, !target.type.isSinglePost else { return false }
            return Self.is(creator, target) || typed.map { Self.sameTarget(target, $0) } ?? false
        }
        switch wanted {
        case .latestRequest:
            if let newest = requests.first { return .request(RequestID(newest.requestID!), tracked: newest) }
        case .latestFinished:
            if let latest = snapshots.last {
                let id = RequestID(latest.requestID)
                return .request(id, tracked: requests.first { $0.requestID == latest.requestID })
            }
            if let failed = requests.first(where: { $0.state == .failed && $0.requestID != nil }) {
                return .request(RequestID(failed.requestID!), tracked: failed)
            }
        }
        let name = creator.handle.map { "@" + $0 } ?? "\(creator.platform) \(creator.key)"
        return .notFound("no finished refresh of \(name) in the store")
    }

    /// The latest refresh of a target no stored creator answers to (a post, or a creator not refreshed yet).
    private func latest(of target: RefreshTarget, _ wanted: Wanted) async throws -> Found? {
        let requests = try await store.requests(in: nil).filter { request in
            guard request.requestID != nil, let requested = request.target else { return false }
            return Self.sameTarget(requested, target)
        }
        let chosen =
            switch wanted {
            case .latestRequest: requests.first
            case .latestFinished: requests.first { $0.state == .succeeded } ?? requests.first { $0.state == .failed }
            }
        return chosen.map { .request(RequestID($0.requestID!), tracked: $0) }
    }

    /// Whether `creator` is the one `target` names: by handle (whatever its case) for an Instagram handle, by
    /// user id, or by channel id (exactly); never by name.
    static func `is`(_ creator: StoredCreator, _ target: RefreshTarget) -> Bool {
        guard creator.platform == target.type.platform.rawValue else { return false }
        switch target.type {
        case .instagram: return creator.key == target.value.lowercased() || creator.handle?.lowercased() == target.value.lowercased()
        case .instagramID: return creator.platformID == target.value || creator.key == target.value
        case .youtube: return creator.key == target.value || creator.platformID == target.value
        case .instagramPost, .youtubePost: return false
        }
    }

    /// Whether two targets are the same: a handle whatever its case, anything else exactly (ids, shortcodes and
    /// channel ids are case-sensitive).
    static func sameTarget(_ one: RefreshTarget, _ other: RefreshTarget) -> Bool {
        guard one.type == other.type else { return false }
        return one.type == .instagram ? one.value.lowercased() == other.value.lowercased() : one.value == other.value
    }
}
