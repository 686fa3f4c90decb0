import Foundation
import RefreshAPI
import Synchronization

/// The refresh requests the simulator has accepted, bounded so that memory stays
/// flat however long it runs: past the capacity the oldest are forgotten (and then
/// answer 404, as an expired request might).
final class RequestLedger: Sendable {
    struct Entry: Sendable {
        let target: RefreshTarget
        let requestedAt: Date
        let readyAt: Date
        /// How many requests for the same target this simulator accepted before this one.
        let refresh: Int
        var gets = 0
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var order: [String] = []
        var oldest = 0
        /// Requests accepted per target; started again when it holds as many targets as the capacity.
        var refreshes: [RefreshTarget: Int] = [:]
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// Records a new request and returns its id: 24 hex characters, like the API's.
    func add(_ target: RefreshTarget, at now: Date, processing: TimeInterval) -> (String, Entry) {
        let id = Self.makeID(now)
        return state.withLock { state in
            if state.refreshes[target] == nil, state.refreshes.count >= capacity { state.refreshes.removeAll() }
            let refresh = state.refreshes[target, default: 0]
            state.refreshes[target] = refresh + 1
            let entry = Entry(target: target, requestedAt: now, readyAt: now.addingTimeInterval(processing), refresh: refresh)
            if state.order.count < capacity {
                state.order.append(id)
            } else {
                state.entries[state.order[state.oldest]] = nil
                state.order[state.oldest] = id
                state.oldest = (state.oldest + 1) % capacity
            }
            state.entries[id] = entry
            return (id, entry)
        }
    }

    /// Counts one more GET of `id` and returns the entry with that count.
    func recordGet(_ id: String) -> Entry? {
        state.withLock { state in
            guard var entry = state.entries[id] else { return nil }
            entry.gets += 1
            state.entries[id] = entry
            return entry
        }
    }

    var count: Int { state.withLock { $0.entries.count } }

    private static func makeID(_ now: Date) -> String {
        let seconds = UInt32(truncatingIfNeeded: Int(now.timeIntervalSince1970))
        let random = UInt64.random(in: 0...UInt64.max)
        let head = String(seconds, radix: 16), tail = String(random, radix: 16)
        return String(repeating: "0", count: 8 - head.count) + head + String(repeating: "0", count: 16 - tail.count)
            + tail
    }
}
