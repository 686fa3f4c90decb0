import Foundation
import RefreshAPI

/// The real clock run faster: every wait takes `1/speed` of its length, and the time read moves `speed` times
/// as fast. Whole commands that follow requests (timers for polls, leases and time-outs at once) run in
/// milliseconds, in the same order as they would for real.
public struct ScaledTimeSource: TimeSource {
    private let start: Date
    private let origin = ContinuousClock.now
    private let speed: Double

    /// A clock reading `start` now, running `speed` times as fast as the real one.
    public init(start: Date = Date(timeIntervalSince1970: 1_700_000_000), speed: Double = 100) {
        self.start = start
        self.speed = speed
    }

    public var now: Date {
        let elapsed = ContinuousClock.now - origin
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return start.addingTimeInterval(seconds * speed)
    }

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSince(now) / speed
        guard seconds > 0, seconds.isFinite else { return try Task.checkCancellation() }
        try await Task.sleep(for: .seconds(min(seconds, 86_400)))
    }
}
