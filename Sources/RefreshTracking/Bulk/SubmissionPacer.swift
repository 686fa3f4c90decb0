import Foundation
import RefreshAPI

/// Lets POSTs go at most `perSecond` a second, however many submissions run at once: each waits for its turn
/// just before its POST is sent (a target that is joined sends nothing and takes no turn). Turns are counted
/// when they are given, not when they were planned, so that a turn given late (a busy machine delays a task by
/// tens of milliseconds) never lets the next ones crowd in behind it: any two turns are at least a
/// `perSecond`th of a second apart (and 1 % more, so that the few milliseconds a POST takes to leave never crowd
/// six into one second of the server's log), and no second holds more than `perSecond` of them.
public actor SubmissionPacer {
    private let interval: TimeInterval
    private let limit: Int
    private let time: any TimeSource
    /// When the latest turns were given, oldest first, at most `limit` of them.
    private var given: [Date] = []

    public init(perSecond: Double, time: any TimeSource) {
        interval = 1.01 / max(perSecond, 0.001)
        limit = max(1, Int(perSecond.rounded(.down)))
        self.time = time
    }

    /// Returns when this POST may go.
    public func waitForTurn() async {
        while true {
            let now = time.now
            var earliest = given.last.map { $0.addingTimeInterval(interval) } ?? now
            if given.count == limit { earliest = max(earliest, given[0].addingTimeInterval(1)) }
            if earliest <= now || Task.isCancelled {
                given.append(now)
                if given.count > limit { given.removeFirst() }
                return
            }
            try? await time.sleep(until: earliest)
        }
    }
}
