import Foundation
import RefreshAPI
import Synchronization

/// A clock whose waits return at once, moving the clock to their deadline and
/// remembering how long each was. For tests of retry schedules and for replays.
public final class FastForwardTimeSource: TimeSource, Sendable {
    private let state: Mutex<(now: Date, waits: [TimeInterval])>

    public init(start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        state = Mutex((start, []))
    }

    public var now: Date { state.withLock { $0.now } }

    /// Every wait asked for, in seconds, in order.
    public var waits: [TimeInterval] { state.withLock { $0.waits } }

    public func sleep(until deadline: Date) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.waits.append(max(0, deadline.timeIntervalSince(state.now)))
            state.now = max(state.now, deadline)
        }
    }
}
