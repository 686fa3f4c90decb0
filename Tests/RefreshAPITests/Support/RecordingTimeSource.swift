import Foundation
import Synchronization
@testable import RefreshAPI

/// A clock whose waits return at once, moving the clock forward and remembering each wait.
final class RecordingTimeSource: TimeSource, Sendable {
    private let state = Mutex((now: Date(timeIntervalSince1970: 1_700_000_000), waits: [TimeInterval]()))

    var now: Date { state.withLock { $0.now } }
    var waits: [TimeInterval] { state.withLock { $0.waits } }

    func sleep(until deadline: Date) async throws {
        state.withLock { state in
            state.waits.append(max(0, deadline.timeIntervalSince(state.now)))
            state.now = max(state.now, deadline)
        }
    }
}
