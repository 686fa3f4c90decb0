import Foundation
import RefreshAPI
import RefreshTracking

/// Follows requests through a tracker's changes, whichever process polls them, until each has ended or the
/// timeout runs out; tells every change on the way.
struct WatchSession {
    let tracker: RefreshTracker
    let store: any TrackingStore
    let context: CommandContext
    let timeout: TimeInterval?
    /// The loop of the tracker's events, Ctrl-C and the deadline; Ctrl-C is taken as a request until ``stop()``.
    private let runner: EventRunner<Input>

    init(tracker: RefreshTracker, store: any TrackingStore, context: CommandContext, timeout: TimeInterval?) {
        self.tracker = tracker
        self.store = store
        self.context = context
        self.timeout = timeout
        runner = EventRunner(tracker: tracker, time: context.time)
        runner.forward(context.stopRequests()) { .stop }
        if let timeout { runner.send(.deadline, after: timeout) }
    }

    private enum Input: Sendable {
        case deadline
        case stop
    }

    /// Watches until `watch` is done, the time is up or the person asks to stop; `report` hears each change.
    /// Returns what was seen, and whether it was asked to stop.
    func run(_ watch: RequestWatch, report: (RequestID, RequestWatch.Change) -> Void) async
        -> (watch: RequestWatch, stopped: Bool)
    {
        var watch = watch
        var stopped = false
        await runner.run { event in
            switch event {
            case .tracker(.changed(let changes)):
                for (id, change) in watch.observe(changes) { report(id, change) }
                return !watch.isDone
            case .tracker(.problem(let problem)):
                context.stderr.line("ylytic: warning: \(problem)")
            case .tracker(.rateLimited), .tick:
                break
            case .tracker(.storeUnreachable(let reason)):
                context.stderr.line("ylytic: lost the connection to the store (\(reason)); reconnecting")
            case .tracker(.storeReachable):
                context.stderr.line("ylytic: the store is back; carrying on")
            case .tracker(.followingEnded(let id, let error)):
                if let change = watch.followingEnded(id, by: error) { report(id, change) }
                return !watch.isDone
            case .input(.deadline):
                return false
            case .input(.stop):
                context.stderr.line(
                    "ylytic: stopped; what is still pending stays so on the server (ylytic watch follows it again)")
                stopped = true
                return false
            }
            return true
        }
        return (watch, stopped)
    }

    /// Stops listening, Ctrl-C included: call it once the tracker has stopped.
    func stop() {
        runner.stop()
    }

    /// How watching `id` ended, for the exit status and `--json`.
    func outcome(of id: RequestID, in watch: RequestWatch) async -> (status: ExitStatus, json: RecordJSON) {
        if let ending = watch.ending(of: id) {
            return (ExitStatus(ending), RecordJSON(id: id, state: "unknown", error: "following ended: \(ending.description)"))
        }
        if watch.wasForgotten(id) {
            return (.invalidInput, RecordJSON(id: id, state: "forgotten", error: "forgotten while it was watched"))
        }
        // The store's row as it is now: a change may have been written after the last one this watch saw.
        let latest = (try? await store.request(id)) ?? nil
        guard let request = latest ?? watch.latest(id), let record = request.record else {
            return (.stillPending, RecordJSON(id: id, state: "pending", error: "not seen before the wait timed out"))
        }
        switch request.state {
        case .succeeded:
            let body = try? await store.responseBody(id)
            let full = body.flatMap { try? RefreshRecordDecoder.decode($0) } ?? record
            return (.succeeded, RecordJSON(full))
        case .failed:
            return (.refreshFailed, RecordJSON(record))
        case .unknown:
            return (.networkProblem, RecordJSON(id: id, state: "unknown", error: request.detail ?? "outcome unknown"))
        case .pending, .stale, .submitting:
            // Every poll since the last answer failed: the server's trouble is the news, not the wait.
            if request.errorCount > 0, let problem = request.detail {
                return (.networkProblem, RecordJSON(id: id, state: "error", error: problem))
            }
            return (
                .stillPending,
                RecordJSON(id: id, state: request.state.rawValue, error: "still \(request.state.rawValue) when the wait timed out")
            )
        }
    }
}
