import RefreshAPI
import Synchronization

/// The written `response` JSON of recent targets, so that repeated GETs of finished
/// refreshes cost a lookup rather than building a creator again. Bounded.
final class ReportCache: Sendable {
    private let entries = Mutex<[RefreshTarget: String]>([:])
    private let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    func json(for target: RefreshTarget, make: () -> String) -> String {
        if let cached = entries.withLock({ $0[target] }) { return cached }
        let json = make()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[target] = json
        }
        return json
    }
}
