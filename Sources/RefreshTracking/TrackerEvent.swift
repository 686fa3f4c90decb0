import Foundation
import RefreshAPI

/// What a ``RefreshTracker`` tells its front end.
public enum TrackerEvent: Sendable, Equatable {
    /// What changed in the store, written by this process or another. The first is the whole list.
    case changed(StoreChanges)
    /// The server asked to slow down: no poll of this process starts before `until`.
    case rateLimited(until: Date)
    /// This tracker stopped following a request because of the server's answer (it knows no such request, or
    /// refuses the token). The store's row says so too, in words.
    case followingEnded(RequestID, RefreshClientError)
    /// The store could not be read or written; the words say what failed. Following goes on.
    case problem(String)
    /// The connection to a store on a server was lost; the words say why. Writes wait and are tried again.
    case storeUnreachable(String)
    /// The connection to the store is back, and what changed meanwhile has been read.
    case storeReachable
}

/// Why a submission or a store operation of the tracker failed.
public enum TrackingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The API answered with an error, or could not be reached. What the store kept is in its row.
    case client(RefreshClientError)
    /// The store failed; the words say how.
    case store(String)
    /// No API token is configured, so nothing can be submitted or polled.
    case noClient
    /// The submission was withdrawn before its POST was sent (the batch it belonged to stopped): nothing was sent.
    case withdrawn
    /// The store's budget for the period is spent (`used` refreshes sent in it): nothing was sent.
    case overBudget(RefreshBudget, used: Int)

    public var description: String {
        switch self {
        case .client(let error): error.description
        case .store(let problem): "the store failed: \(problem)"
        case .noClient: "No API token is configured; refreshes cannot be submitted."
        case .withdrawn: "withdrawn before it was sent"
        case .overBudget(let budget, let used):
            "the store's budget of \(budget) is spent (\(used) sent this \(budget.period.rawValue), UTC); nothing was sent"
        }
    }
}

/// Which requests a tracker follows (polls, holding their lease).
public enum FollowScope: Sendable, Equatable {
    /// Every followed request in the store, whoever submitted it: the dashboard, and `watch` without ids.
    case everything
    /// Only what this tracker submits with `follow`, or is asked to track by id: `refresh --wait`, `watch ID`.
    case requested
}

/// The pace of leases and polls.
public struct TrackerConfiguration: Sendable, Equatable {
    /// The pace and bounds of polling, per process.
    public var monitor = MonitorConfiguration()
    /// How long a lease lasts unless renewed: at most this long after its holder dies, another takes over.
    public var leaseDuration: TimeInterval = 45
    /// How often a holder renews its leases.
    public var renewalInterval: TimeInterval = 15
    /// How long stopping waits for the store to take the release of the leases, in real time: a process that quits
    /// does not hang on a store that cannot be reached (the leases then run out by themselves).
    public var releaseWait: Duration = .seconds(3)

    /// Leases of 45 s renewed every 15 s, and the monitor's documented defaults.
    public init(monitor: MonitorConfiguration = MonitorConfiguration()) {
        self.monitor = monitor
    }
}
