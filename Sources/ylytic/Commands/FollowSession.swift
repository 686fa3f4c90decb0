import Foundation
import RefreshAPI
import RefreshStore

/// Follows requests with a ``RefreshMonitor`` until each ends, gives up, or the
/// timeout runs out; reports every change on the way.
struct FollowSession {
    /// How following one request ended.
    enum Outcome {
        case ended(RefreshRecord)
        case gaveUp(RefreshClientError)
        case timedOut(RefreshState)

        var exitStatus: ExitStatus {
            switch self {
            case .ended(let record): ExitStatus(record.state)
            case .gaveUp(let error): ExitStatus(error)
            case .timedOut: .stillPending
            }
        }

        func json(_ id: RequestID) -> RecordJSON {
            switch self {
            case .ended(let record): RecordJSON(record)
            case .gaveUp(let error): RecordJSON(id: id, state: "error", error: error.description)
            case .timedOut(let state): RecordJSON(id: id, state: state.name, error: "still \(state.name) when the wait timed out")
            }
        }
    }

    /// Something worth telling about a request.
    enum Change {
        case state(RefreshState)
        case stale
        case retrying(RefreshClientError, attempt: Int)
        case gaveUp(RefreshClientError)
        case timedOut
    }

    let client: RefreshClient
    let context: CommandContext
    let timeout: TimeInterval?
    /// Where every poll, end and error is recorded.
    let store: RefreshStore

    /// Follows `requests` (id, submission time, and the state already reported if any);
    /// `report` hears each change of state.
    func run(_ requests: [(id: RequestID, submittedAt: Date, known: RefreshState?)], report: (RequestID, Change) -> Void)
        async -> [RequestID: Outcome]
    {
        let monitor = RefreshMonitor(
            poller: client, configuration: context.monitorConfiguration, time: context.time, random: context.random)
        var outcomes: [RequestID: Outcome] = [:]
        var lastState: [RequestID: RefreshState] = [:]
        for request in requests {
            lastState[request.id] = request.known
            await monitor.follow(request.id, submittedAt: request.submittedAt)
        }
        let deadlineTask = timeout.map { seconds in
            Task { [time = context.time] in
                guard (try? await time.sleep(until: time.now.addingTimeInterval(seconds))) != nil else { return }
                await monitor.stop()
            }
        }
        for await update in monitor.updates {
            switch update {
            case .polled(let id, let record):
                remember { try $0.recordPoll(record, at: context.time.now) }
                if lastState[id] != record.state { report(id, .state(record.state)) }
                lastState[id] = record.state
            case .finished(let id, let record, let body):
                remember { try $0.recordFinished(record, body: body, at: context.time.now) }
                report(id, .state(record.state))
                outcomes[id] = .ended(record)
            case .stale(let id):
                remember { try $0.recordStale(id) }
                report(id, .stale)
            case .pollFailed(let id, let error, let attempt):
                remember { try $0.recordError(id, error.description, gaveUp: false) }
                report(id, .retrying(error, attempt: attempt))
            case .gaveUp(let id, let error):
                remember { try $0.recordError(id, error.description, gaveUp: true) }
                report(id, .gaveUp(error))
                outcomes[id] = .gaveUp(error)
            case .rateLimited:
                break
            }
            if outcomes.count == requests.count { await monitor.stop() }
        }
        deadlineTask?.cancel()
        for id in requests.map(\.id) where outcomes[id] == nil {
            report(id, .timedOut)
            outcomes[id] = .timedOut(lastState[id] ?? .pending)
        }
        return outcomes
    }

    /// Writes to the store; a failure is told on stderr but does not stop the following.
    private func remember(_ write: (RefreshStore) throws -> Void) {
        do {
            try write(store)
        } catch {
            context.stderr.line("ylytic: warning: could not record in \(store.url.path): \(error)")
        }
    }
}
