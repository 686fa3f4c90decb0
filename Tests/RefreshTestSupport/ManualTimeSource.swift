import Foundation
import RefreshAPI
import Synchronization

/// A clock that moves only when ``advance(by:)`` or ``advance(to:)`` is called.
/// Sleepers whose deadline is reached are resumed in deadline order. Used by
/// tests and benchmarks to run retry and polling schedules without real waiting.
public final class ManualTimeSource: TimeSource, Sendable {
    private struct Sleeper {
        let id: UInt64
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// A test waiting until the sleepers are as it expects.
    private struct Waiter {
        let id: UInt64
        let isReady: @Sendable ([Sleeper]) -> Bool
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now: Date
        var nextID: UInt64 = 0
        var sleepers: [Sleeper] = []
        var waiters: [Waiter] = []
    }

    private let state: Mutex<State>

    /// A clock reading `start`.
    public init(start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        state = Mutex(State(now: start))
    }

    public var now: Date { state.withLock { $0.now } }

    /// How many tasks are sleeping on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// The earliest deadline any sleeper waits for.
    public var nextDeadline: Date? { state.withLock { $0.sleepers.map(\.deadline).min() } }

    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Checked under the lock: a cancellation before this point found nothing to remove.
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    Self.wakeWaiters(&state)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward by `seconds`, waking every sleeper whose deadline is reached.
    public func advance(by seconds: TimeInterval) {
        advance(to: now.addingTimeInterval(seconds))
    }

    /// Moves the clock to `date` (never backwards), waking every sleeper whose deadline is reached.
    public func advance(to date: Date) {
        let due = state.withLock { state -> [Sleeper] in
            if date > state.now { state.now = date }
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Suspends until at least `count` tasks sleep on this clock: the way a test
    /// knows the code under test has reached its wait. Returns early when cancelled.
    public func waitForSleepers(_ count: Int = 1) async {
        await wait { $0.count >= count }
    }

    /// Suspends until some task sleeps until exactly `deadline`: the way a test knows that the code under test
    /// has scheduled what it expects. Returns early when cancelled.
    public func waitForSleeper(until deadline: Date) async {
        await wait { sleepers in sleepers.contains { $0.deadline == deadline } }
    }

    private func wait(until isReady: @escaping @Sendable ([Sleeper]) -> Bool) async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state in
                    if isReady(state.sleepers) || Task.isCancelled { return true }
                    state.waiters.append(Waiter(id: id, isReady: isReady, continuation: continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume()
        }
    }

    private static func wakeWaiters(_ state: inout State) {
        let sleepers = state.sleepers
        let ready = state.waiters.filter { $0.isReady(sleepers) }
        state.waiters.removeAll { $0.isReady(sleepers) }
        for waiter in ready { waiter.continuation.resume() }
    }
}
