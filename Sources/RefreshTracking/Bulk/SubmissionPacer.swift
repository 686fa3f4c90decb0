import Foundation
import RefreshAPI

/// Spaces POSTs evenly, at most `perSecond` a second, however many submissions run at once: each waits for its
/// turn just before its POST is sent (a target that is joined sends nothing and takes no turn). Turns are 5 %
/// further apart than the rate alone asks, so that the time a POST takes to leave this process (a busy machine
/// delays one by tens of milliseconds) never crowds six into a second at the server.
public actor SubmissionPacer {
    private let interval: TimeInterval
    private let time: any TimeSource
    private var nextTurn: Date?

    public init(perSecond: Double, time: any TimeSource) {
        interval = 1.05 / max(perSecond, 0.001)
        self.time = time
    }

    /// Returns when this POST may go.
    public func waitForTurn() async {
        let now = time.now
        let turn = max(now, nextTurn ?? now)
        nextTurn = turn.addingTimeInterval(interval)
        try? await time.sleep(until: turn)
    }
}
