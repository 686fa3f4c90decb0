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

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        if seconds > 0 {
            try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up))))
        } else {
            try Task.checkCancellation()
        }
    }
}
