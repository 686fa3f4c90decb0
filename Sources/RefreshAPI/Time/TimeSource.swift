import Foundation

/// Where the client core reads the time and waits, so tests and benchmarks can
/// run on a clock that moves only when told to.
public protocol TimeSource: Sendable {
    /// The current wall-clock time.
    var now: Date { get }
    /// Suspends until `deadline`, returning at once if it has passed. Throws
    /// `CancellationError` when the task is cancelled.
    func sleep(until deadline: Date) async throws
}

/// The real clock.
public struct SystemTimeSource: TimeSource {
    public init() {}

    public var now: Date { Date() }

    /// Sleeps a day at a time at most, so that any deadline converts (an infinite one never comes) and a far
    /// one is still met.
    public func sleep(until deadline: Date) async throws {
        while true {
            let seconds = deadline.timeIntervalSinceNow
            guard seconds > 0 else { return try Task.checkCancellation() }
            let step = seconds.isFinite ? min(seconds, 86_400) : 86_400
            try await Task.sleep(for: .milliseconds(Int64((step * 1000).rounded(.up))))
        }
    }
}
