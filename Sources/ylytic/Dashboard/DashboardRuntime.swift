import DashboardCore
import Foundation
import RefreshAPI
import RefreshStore
import Synchronization
import Terminal

/// Runs the dashboard: terminal events, monitor updates and a once-a-second tick
/// become actions; the reducer changes the state and asks for effects, which run
/// here and come back as actions; a frame is drawn when the screen would change.
final class DashboardRuntime {
    private let terminal: TerminalScreen
    private let store: RefreshStore
    private let client: RefreshClient?
    private let monitor: RefreshMonitor?
    private let reducer = DashboardReducer()
    private let screen = RequestsScreen()
    private var state: DashboardState
    private let (actions, sink) = AsyncStream.makeStream(of: DashboardAction.self)
    private var tasks: [Task<Void, Never>] = []
    /// Seconds between ticks: one while ages and marks change on screen, ten otherwise.
    private let tickInterval = TickInterval()

    init(terminal: TerminalScreen, store: RefreshStore, client: RefreshClient?, state: DashboardState) {
        self.terminal = terminal
        self.store = store
        self.client = client
        self.monitor = client.map { RefreshMonitor(poller: $0) }
        self.state = state
    }

    /// Runs until the person quits or the terminal goes away; submits `starters` first.
    func run(submitting starters: [RefreshTarget] = []) async {
        let size = terminal.size
        _ = reducer.reduce(&state, .resize(width: size.width, height: size.height))
        do {
            let tracked = try store.requests()
            _ = reducer.reduce(&state, .loaded(tracked.map(RequestRow.init)))
            _ = reducer.reduce(&state, .creatorsLoaded(try CreatorRow.all(in: store)))
            if let monitor {
                for request in tracked where request.state.isFollowed {
                    if let id = request.requestID { await monitor.follow(RequestID(id), submittedAt: request.submittedAt) }
                }
            }
        } catch {
            _ = reducer.reduce(&state, .problem("The store could not be read: \(error)"))
        }
        startPumps()
        for target in starters { perform(.submit(target)) }
        draw()
        for await action in actions {
            let effects = reducer.reduce(&state, action)
            for effect in effects { perform(effect) }
            if state.shouldQuit { break }
            tickInterval.set(Self.needsFrequentTicks(state) ? 1 : 10)
            draw()
        }
        for task in tasks { task.cancel() }
        await monitor?.stop()
        terminal.stop()
    }

    private func draw() {
        terminal.draw(screen.render(state))
    }

    /// Whether the screen changes with time alone: ages of pending requests, marks fading.
    private static func needsFrequentTicks(_ state: DashboardState) -> Bool {
        state.rows.contains { row in
            row.phase == .pending || row.phase == .stale || row.phase == .submitting
                || row.changedAt.map { state.now.timeIntervalSince($0) < RequestsScreen.markDuration + 1 } == true
        }
    }

    private func startPumps() {
        let sink = self.sink
        let terminal = self.terminal
        tasks.append(
            Task {
                for await event in terminal.events {
                    switch event {
                    case .key(let press): sink.yield(.key(Key(press)))
                    case .resize(let width, let height): sink.yield(.resize(width: width, height: height))
                    case .closed, .terminate: sink.yield(.key(.control("c")))
                    }
                }
            })
        let tickInterval = self.tickInterval
        tasks.append(
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(tickInterval.seconds))
                    sink.yield(.tick(Date()))
                }
            })
        if let monitor {
            let store = self.store
            tasks.append(
                Task {
                    // Rows last sent, so that a poll that changes nothing on screen sends nothing.
                    var shown: [RequestID: RequestRow] = [:]
                    for await update in monitor.updates {
                        guard let id = update.requestID else {
                            if case .rateLimited(let until) = update {
                                sink.yield(.notice("The server asks to slow down; polling resumes at \(HTTPDate.format(until))."))
                            }
                            continue
                        }
                        do {
                            switch update {
                            case .polled(_, let record):
                                try store.recordPoll(record, at: Date())
                                // Still pending as shown: nothing on screen changes, so nothing is read back.
                                if record.state == .pending, let row = shown[id], row.phase == .pending || row.phase == .stale {
                                    continue
                                }
                            case .finished(_, let record, let body):
                                try store.recordFinished(record, body: body, at: Date())
                                sink.yield(.creatorsLoaded(try CreatorRow.all(in: store)))
                            case .stale: try store.recordStale(id)
                            case .pollFailed(_, let error, _): try store.recordError(id, error.description, gaveUp: false)
                            case .gaveUp(_, let error): try store.recordError(id, error.description, gaveUp: true)
                            case .rateLimited: break
                            }
                            if let tracked = try store.request(id) {
                                let row = RequestRow(tracked)
                                if shown[id] != row {
                                    shown[id] = row
                                    sink.yield(.updated(row))
                                }
                            }
                        } catch {
                            sink.yield(.problem("The store could not be written: \(error)"))
                        }
                    }
                })
        }
    }

    private func perform(_ effect: DashboardEffect) {
        let sink = self.sink
        let store = self.store
        switch effect {
        case .quit:
            break
        case .setLiveUpdates(let live):
            guard let monitor else { return }
            Task { await monitor.setPaused(!live) }
        case .forget(let row):
            let monitor = self.monitor
            Task {
                do {
                    if let id = row.requestID {
                        try store.forget(RequestID(id), purge: false)
                        await monitor?.unfollow(RequestID(id))
                    } else {
                        try store.forget(localID: row.id)
                    }
                    sink.yield(.forgotten(id: row.id))
                } catch {
                    sink.yield(.problem("Could not forget: \(error)"))
                }
            }
        case .submit(let target):
            startSubmission(of: target)
        case .openCreator(let row):
            openResponse(of: row.requestID)
        case .openLatest(let creator):
            openResponse(of: creator.latestRequestID)
        case .exportPosts(let record):
            exportPosts(of: record)
        }
    }

    /// Writes the posts of `record` as CSV in the current folder, named after the creator and the request.
    private func exportPosts(of record: RefreshRecord) {
        let posts = record.response?.posts ?? Posts()
        let who = record.response?.profileOverview?.handle ?? record.request?.target?.value ?? "creator"
        let safeName = String(who.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "." }
            .map(Character.init).prefix(40))
        let file = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("ylytic-\(safeName.isEmpty ? "creator" : safeName)-\(record.requestID.rawValue.prefix(24))-posts.csv")
        do {
            try Data(PostsCSV.text(posts).utf8).write(to: file, options: .atomic)
            sink.yield(.notice("Wrote \(posts.video.count + posts.nonVideo.count) posts to \(file.path)"))
        } catch {
            sink.yield(.problem("Could not write \(file.path): \(error.localizedDescription)"))
        }
    }

    /// Reads the stored response of a request for the creator page.
    private func openResponse(of requestID: String?) {
        guard let id = requestID else { return }
        do {
            guard let body = try store.responseBody(RequestID(id)) else {
                sink.yield(.problem("The response of \(id) is not in the store."))
                return
            }
            let history = try store.history(ofCreatorRefreshedBy: RequestID(id)).map {
                HistoryPoint(date: $0.takenAt, followers: $0.followers, engagement: $0.engagement, posts: $0.posts)
            }
            sink.yield(.creatorLoaded(try RefreshRecordDecoder.decode(body), history: history))
        } catch {
            sink.yield(.problem("The stored response cannot be read: \(error)"))
        }
    }

    private func startSubmission(of target: RefreshTarget) {
        guard let client, let monitor else {
            sink.yield(.problem("No API token is configured; refreshes cannot be submitted."))
            return
        }
        let submission = Submission(target: target, client: client, monitor: monitor, store: store, sink: sink)
        Task { await submission.run() }
    }

}

/// One refresh sent from the dashboard: the intent, the POST, the answer, then following it.
struct Submission: Sendable {
    let target: RefreshTarget
    let client: RefreshClient
    let monitor: RefreshMonitor
    let store: RefreshStore
    let sink: AsyncStream<DashboardAction>.Continuation

    func run() async {
        let intent: Int64
        do {
            intent = try store.recordIntent(target, at: Date())
            if let tracked = try store.request(localID: intent) { sink.yield(.updated(RequestRow(tracked))) }
        } catch {
            sink.yield(.problem("The store could not be written: \(error)"))
            return
        }
        let record: RefreshRecord
        do {
            record = try await client.submit(target)
        } catch {
            if (try? store.recordSubmissionFailure(intent, error)) == true, let tracked = try? store.request(localID: intent) {
                sink.yield(.updated(RequestRow(tracked)))
            } else {
                sink.yield(.forgotten(id: intent))
            }
            sink.yield(.problem(error.description))
            return
        }
        do {
            try store.recordSubmission(intent, record)
            if let tracked = try store.request(record.requestID) { sink.yield(.updated(RequestRow(tracked))) }
        } catch {
            sink.yield(.problem("The store could not be written: \(error)"))
        }
        await monitor.follow(record.requestID, submittedAt: Date())
    }
}

/// The tick period, set by the run loop and read by the ticker.
final class TickInterval: Sendable {
    private let value = Mutex(1)

    var seconds: Int { value.withLock { $0 } }

    func set(_ seconds: Int) {
        value.withLock { $0 = seconds }
    }
}
