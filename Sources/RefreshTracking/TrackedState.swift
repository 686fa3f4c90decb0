import RefreshAPI

/// Where a tracked request stands, as the store keeps it.
public enum TrackedState: String, CaseIterable, Sendable {
    /// The intent to submit is written; the POST has not answered yet.
    case submitting
    /// The server is working on it.
    case pending
    case succeeded
    case failed
    /// Still pending past the monitor's deadline; still followed.
    case stale
    /// Following ended without an answer (errors, or a submission whose outcome is unknown).
    case unknown

    /// States in which the request is followed: polled by the process that holds its lease.
    public var isFollowed: Bool { self == .pending || self == .stale }

    /// Whether nothing more will happen to the request unless someone acts on it.
    public var hasEnded: Bool { self == .succeeded || self == .failed || self == .unknown }

    /// The state a poll answer puts a request in. A status the client does not understand is not an end:
    /// the request stays pending (the words seen go in its detail) and is asked about again.
    public init(_ state: RefreshState) {
        switch state {
        case .pending, .unknown: self = .pending
        case .succeeded: self = .succeeded
        case .failed: self = .failed
        }
    }
}
