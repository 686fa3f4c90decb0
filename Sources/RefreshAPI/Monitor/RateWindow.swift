import Foundation

/// Remembers the start times of the last `limit` polls, to keep at most `limit`
/// starts in any window of one second.
struct RateWindow {
    private var starts: [Date]
    private var oldest = 0
    private let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
        starts = []
        starts.reserveCapacity(self.limit)
    }

    /// The earliest time another poll may start; `now` when one may start at once.
    func nextSlot(now: Date) -> Date {
        guard starts.count == limit else { return now }
        return max(now, starts[oldest].addingTimeInterval(1))
    }

    mutating func record(_ start: Date) {
        if starts.count < limit {
            starts.append(start)
        } else {
            starts[oldest] = start
            oldest = (oldest + 1) % limit
        }
    }
}
