import Foundation

/// A point in a store's history of changes: every write that changes what a front end shows moves it on.
public struct StoreRevision: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int64

    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// Before anything was written: changes since it are the whole store.
    public static let beginning = StoreRevision(0)

    public static func < (lhs: StoreRevision, rhs: StoreRevision) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "r\(rawValue)" }
}

/// What changed in a store since a revision, by any process.
public struct StoreChanges: Sendable, Equatable {
    /// The revision these changes bring a reader up to.
    public var revision: StoreRevision
    /// Requests added or changed. When ``replacesEverything``, every request in the store.
    public var requests: [TrackedRequest]
    /// Requests forgotten since.
    public var forgotten: [ForgottenRequest]
    /// Whether any creator, snapshot or roster changed.
    public var creatorsChanged: Bool
    /// The reader was too far behind (or at the beginning): ``requests`` is the whole list, to replace its own.
    public var replacesEverything: Bool

    public init(
        revision: StoreRevision, requests: [TrackedRequest] = [], forgotten: [ForgottenRequest] = [], creatorsChanged: Bool = false,
        replacesEverything: Bool = false
    ) {
        self.revision = revision
        self.requests = requests
        self.forgotten = forgotten
        self.creatorsChanged = creatorsChanged
        self.replacesEverything = replacesEverything
    }

    /// Whether a reader has anything to do.
    public var isEmpty: Bool { requests.isEmpty && forgotten.isEmpty && !creatorsChanged && !replacesEverything }
}

/// What a claim of poll leases gave.
public struct LeaseClaim: Sendable, Equatable {
    /// Requests now followed by the claimant: they had no holder, or their holder's lease ran out.
    public var claimed: [TrackedRequest]
    /// When the earliest lease held by someone else runs out, if any: the time to try again.
    public var nextExpiry: Date?

    public init(claimed: [TrackedRequest], nextExpiry: Date?) {
        self.claimed = claimed
        self.nextExpiry = nextExpiry
    }
}

/// A request that was forgotten: its store number, and its server id if it had one.
public struct ForgottenRequest: Hashable, Sendable {
    public var localID: Int64
    public var requestID: String?

    public init(localID: Int64, requestID: String?) {
        self.localID = localID
        self.requestID = requestID
    }
}
