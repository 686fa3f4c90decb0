import Foundation
import RefreshAPI

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
            case .gaveUp(let error): ExitStatus(error) == .invalidInput ? .invalidInput : ExitStatus(error)
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
                if lastState[id] != record.state { report(id, .state(record.state)) }
                lastState[id] = record.state
            case .finished(let id, let record, _):
                report(id, .state(record.state))
                outcomes[id] = .ended(record)
            case .stale(let id):
                report(id, .stale)
            case .pollFailed(let id, let error, let attempt):
                report(id, .retrying(error, attempt: attempt))
            case .gaveUp(let id, let error):
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
}
