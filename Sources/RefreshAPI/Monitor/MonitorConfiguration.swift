import Foundation

/// The pace and bounds of ``RefreshMonitor``'s polling.
public struct MonitorConfiguration: Sendable, Hashable {
    /// Wait between submission and the first poll.
    public var firstPollDelay: TimeInterval = 2
    /// Each interval is the previous one times this factor…
    public var intervalGrowth: Double = 1.5
    /// …up to this interval.
    public var maxInterval: TimeInterval = 30
    /// Each wait is varied randomly by up to this fraction either way.
    public var jitter: Double = 0.2
    /// Polls under way at once, at most.
    public var maxInFlight: Int = 4
    /// Polls started in any one second, at most.
    public var maxPollsPerSecond: Int = 5
    /// A request still pending this long after submission is marked stale (and still followed, slowly).
    public var staleAfter: TimeInterval = 30 * 60
    /// The pause after a 429 that gave no `Retry-After`.
    public var defaultRateLimitPause: TimeInterval = 30

    /// The documented defaults: first poll after 2 s, ×1.5 up to 30 s, ±20 %, 4 in flight, 5 per second,
    /// stale after 30 min.
    public init() {}

    /// Defaults with other concurrency and rate bounds.
    public init(maxInFlight: Int, maxPollsPerSecond: Int) {
        self.maxInFlight = max(1, maxInFlight)
        self.maxPollsPerSecond = max(1, maxPollsPerSecond)
    }
}
