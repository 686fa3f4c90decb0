import Foundation
import Synchronization
import RefreshAPI

/// A poller that answers each request id from its own script, records when each
/// poll started, and can take time on the test's clock to answer.
public final class FakePoller: RefreshPoller, Sendable {
    public typealias Answer = Result<RefreshRecord, RefreshClientError>

    private struct State {
        var scripts: [RequestID: [Answer]] = [:]
        public var starts: [(id: RequestID, at: Date)] = []
        var running = 0
        var mostRunning = 0
        var startWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())
    private let time: any TimeSource
    private let duration: TimeInterval

    /// Polls answer at once, or after `duration` seconds of the clock `time`.
    public init(time: any TimeSource, duration: TimeInterval = 0) {
        self.time = time
        self.duration = duration
    }

    public func script(_ id: RequestID, _ answers: [Answer]) {
        state.withLock { $0.scripts[id] = answers }
    }

    public var starts: [(id: RequestID, at: Date)] { state.withLock { $0.starts } }
    public var mostRunning: Int { state.withLock { $0.mostRunning } }

    nonisolated(nonsending) public func poll(_ id: RequestID) async throws(RefreshClientError) -> FetchedRecord {
        let now = time.now
        let waiters = state.withLock { state in
            state.starts.append((id, now))
            state.running += 1
            state.mostRunning = max(state.mostRunning, state.running)
            let ready = state.startWaiters.filter { $0.count <= state.starts.count }
            state.startWaiters.removeAll { $0.count <= state.starts.count }
            return ready
        }
        for waiter in waiters { waiter.continuation.resume() }
        if duration > 0 {
            try? await time.sleep(until: now.addingTimeInterval(duration))
        }
        let answer = state.withLock { state -> Answer in
            state.running -= 1
            guard var script = state.scripts[id], !script.isEmpty else { return .success(Self.pending(id)) }
            let next = script.removeFirst()
            state.scripts[id] = script
            return next
        }
        return FetchedRecord(record: try answer.get(), body: Data("body of \(id)".utf8))
    }

    /// Suspends until at least `count` polls have started.
    public func waitForStarts(_ count: Int) async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                if state.starts.count >= count { return true }
                state.startWaiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    public static func pending(_ id: RequestID) -> RefreshRecord {
        RefreshRecord(requestID: id, status: RefreshStatus(code: 201, message: "pending"))
    }

    public static func succeeded(_ id: RequestID) -> Answer {
        .success(RefreshRecord(requestID: id, response: CreatorReport(), status: RefreshStatus(code: 200, message: "success")))
    }

    public static func failed(_ id: RequestID, _ message: String) -> Answer {
        .success(RefreshRecord(requestID: id, status: RefreshStatus(code: 200, message: message)))
    }
}
