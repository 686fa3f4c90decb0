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

    private enum Input {
        case event(TrackerEvent)
        case deadline
        case stop
    }

    /// Watches until `watch` is done, the time is up or the person asks to stop; `report` hears each change.
    /// Returns what was seen, and whether it was asked to stop.
    func run(_ watch: RequestWatch, report: (RequestID, RequestWatch.Change) -> Void) async
        -> (watch: RequestWatch, stopped: Bool)
    {
        var watch = watch
        let (inputs, sink) = AsyncStream.makeStream(of: Input.self)
        let events = tracker.events
        let forwarder = Task {
            for await event in events { sink.yield(.event(event)) }
            sink.finish()
        }
        let deadline = timeout.map { seconds in
            Task { [time = context.time] in
                guard (try? await time.sleep(until: time.now.addingTimeInterval(seconds))) != nil else { return }
                sink.yield(.deadline)
            }
        }
        let stops = Task { [requests = context.stopRequests()] in
            for await _ in requests { sink.yield(.stop) }
        }
        defer {
            forwarder.cancel()
            deadline?.cancel()
            stops.cancel()
        }
        for await input in inputs {
            switch input {
            case .event(.changed(let changes)):
                for (id, change) in watch.observe(changes) { report(id, change) }
                if watch.isDone { return (watch, false) }
            case .event(.problem(let problem)):
                context.stderr.line("ylytic: warning: \(problem)")
            case .event(.rateLimited):
                continue
            case .event(.storeUnreachable(let reason)):
                context.stderr.line("ylytic: lost the connection to the store (\(reason)); reconnecting")
            case .event(.storeReachable):
                context.stderr.line("ylytic: the store is back; carrying on")
            case .event(.followingEnded(let id, let error)):
                if let change = watch.followingEnded(id, by: error) { report(id, change) }
                if watch.isDone { return (watch, false) }
            case .deadline:
                return (watch, false)
            case .stop:
                context.stderr.line(
                    "ylytic: stopped; what is still pending stays so on the server (ylytic watch follows it again)")
                return (watch, true)
            }
        }
        return (watch, false)
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
