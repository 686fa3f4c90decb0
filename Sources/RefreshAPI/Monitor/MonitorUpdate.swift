import Foundation

/// What ``RefreshMonitor`` reports as it follows requests.
public enum MonitorUpdate: Sendable, Hashable {
    /// A poll answered and the request has not ended (pending, or a status not understood); the next poll is
    /// due at `nextPollAt`.
    case polled(RequestID, RefreshRecord, nextPollAt: Date)
    /// The request ended (succeeded or failed); it is no longer followed. Carries the body as received.
    case finished(RequestID, RefreshRecord, body: Data)
    /// The request is still pending past the deadline; it is kept and polled at the slowest pace.
    case stale(RequestID)
    /// A poll failed; following goes on after a longer wait, with the next poll due at `nextPollAt`.
    case pollFailed(RequestID, RefreshClientError, consecutiveFailures: Int, nextPollAt: Date)
    /// The server's answer ends the following (it knows no such request, or refuses the token); the request
    /// is no longer followed.
    case gaveUp(RequestID, RefreshClientError)
    /// The server asked to slow down: no poll starts before `until`.
    case rateLimited(until: Date)

    /// The request the update is about; `nil` for updates about all of them.
    public var requestID: RequestID? {
        switch self {
        case .polled(let id, _, _), .finished(let id, _, _), .stale(let id), .pollFailed(let id, _, _, _), .gaveUp(let id, _):
            id
        case .rateLimited:
            nil
        }
    }
}
