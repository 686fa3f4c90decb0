import DashboardCore
import Foundation
import Presentation
import RefreshAPI
import RefreshTracking
import Synchronization
import TextGrid

/// Runs the dashboard: terminal input, the tracker's changes (made by this process or any other on the same
/// store) and a tick become actions; the reducer changes the state and asks for effects, which run here and
/// come back as actions; a frame is drawn after each, and the terminal sends only what changed.
public final class DashboardRuntime {
    private let terminal: any DashboardTerminal
    private let tracker: RefreshTracker
    private let store: any TrackingStore
    private let time: any TimeSource
    private let exportFolder: URL
    private let reducer = DashboardReducer()
    private let view = DashboardView()
    private var state: DashboardState
    private let (actions, sink) = AsyncStream.makeStream(of: DashboardAction.self)
    private var tasks: [Task<Void, Never>] = []
    /// The read of the preview pane's response under way, dropped when the selection moves on.
    private var preview: Task<Void, Never>?
    /// Spaces the POSTs of every batch this dashboard submits (`r` on marked creators, `R` on a roster).
    private let pacer: SubmissionPacer
    /// Seconds between ticks: one while ages and marks change on screen, ten otherwise.
    private let tickInterval = TickInterval()

    /// A dashboard on `tracker`, reading responses and creators from `store`, drawing on `terminal`.
    /// Exported posts go to `exportFolder`.
    public init(
        terminal: any DashboardTerminal, tracker: RefreshTracker, store: any TrackingStore, state: DashboardState,
        time: any TimeSource, exportFolder: URL
    ) {
        self.terminal = terminal
        self.tracker = tracker
        self.store = store
        self.state = state
        self.time = time
        self.exportFolder = exportFolder
        pacer = SubmissionPacer(perSecond: 5, time: time)
    }

    /// Runs until the person quits or the terminal goes away; submits `starters` first. Stops the tracker
    /// (its leases go to other processes at once) and gives the terminal back.
    ///
    /// `postText` is the whole reading of the body the page the state starts on was read from without its posts'
    /// text (``CreatorPage/hasPostText``): the page takes it once drawn.
    public func run(submitting starters: [RefreshTarget] = [], postText: WholeReading? = nil) async {
        let size = terminal.size
        _ = reducer.reduce(&state, .resize(width: size.width, height: size.height))
        _ = reducer.reduce(&state, .tick(time.now))
        startPumps()
        // A page opened from a file shows nothing from the store: it is drawn before the store is read.
        if state.lists == nil { draw() }
        if let postText { Self.forward(postText, to: sink) }
        await showFirstPage()
        await tracker.start()
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
        await tracker.stop()
        terminal.stop()
    }

    /// Draws the newest requests before the whole list is read, when the store has more than a screen's worth.
    private func showFirstPage() async {
        guard state.lists != nil else { return }
        let pageSize = max(200, state.shared.height * 4)
        guard let page = try? await store.requests(in: nil, limit: pageSize), page.count == pageSize,
            let total = try? await store.requestCount(in: nil)
        else { return }
        _ = reducer.reduce(&state, .firstPage(page.map(RequestRow.init), total: total))
        draw()
    }

    private func draw() {
        terminal.draw(view.render(state))
    }

    /// Whether the screen changes with time alone: ages of pending requests, marks and notices fading.
    private static func needsFrequentTicks(_ state: DashboardState) -> Bool {
        state.shared.notice != nil || state.lists?.requests.changesWithTime(now: state.shared.now) == true
    }

    private func startPumps() {
        let sink = self.sink
        let input = terminal.input
        tasks.append(
            Task {
                for await event in input {
                    switch event {
                    case .key(let key): sink.yield(.key(key))
                    case .mouse(let input): sink.yield(.mouse(input))
                    case .resize(let width, let height): sink.yield(.resize(width: width, height: height))
                    case .focus(let isInFront): sink.yield(.focus(isInFront))
                    case .closed: sink.yield(.key(.control("c")))
                    }
                }
            })
        let tickInterval = self.tickInterval
        let time = self.time
        tasks.append(
            Task {
                while !Task.isCancelled {
                    do { try await time.sleep(until: time.now.addingTimeInterval(TimeInterval(tickInterval.seconds))) } catch {
                        return
                    }
                    sink.yield(.tick(time.now))
                }
            })
        let events = tracker.events
        let store = self.store
        tasks.append(
            Task {
                for await event in events {
                    switch event {
                    case .changed(let changes):
                        let rows = changes.requests.map(RequestRow.init)
                        if changes.replacesEverything {
                            sink.yield(.loaded(rows))
                        } else {
                            if !rows.isEmpty { sink.yield(.updated(rows)) }
                            if !changes.forgotten.isEmpty { sink.yield(.removed(changes.forgotten.map(\.localID))) }
                        }
                        guard changes.creatorsChanged else { continue }
                        do {
                            let creators = try await CreatorRow.all(in: store)
                            sink.yield(.creatorsLoaded(creators))
                            sink.yield(.rostersLoaded(try await RosterRow.all(in: store, creators: creators, now: time.now)))
                        } catch {
                            sink.yield(.problem("The store could not be read: \(error)"))
                        }
                    case .rateLimited(let until):
                        sink.yield(.notice("The server asks to slow down; polling resumes at \(HTTPDate.format(until))."))
                    case .problem(let text):
                        sink.yield(.problem(text))
                    case .storeUnreachable(let reason):
                        sink.yield(.storeConnection(lostBecause: reason))
                    case .storeReachable:
                        sink.yield(.storeConnection(lostBecause: nil))
                    case .followingEnded:
                        continue
                    }
                }
            })
    }

    private func perform(_ effect: DashboardEffect) {
        let sink = self.sink
        let tracker = self.tracker
        switch effect {
        case .quit:
            break
        case .setLiveUpdates(let live):
            Task { await tracker.setPaused(!live) }
        case .forget(let row):
            Task {
                do {
                    if let id = row.requestID {
                        try await tracker.forget(RequestID(id), purge: false)
                    } else {
                        try await tracker.forget(localID: row.id)
                    }
                    sink.yield(.notice("Forgotten."))
                } catch {
                    sink.yield(.problem("Could not forget: \(error)"))
                }
            }
        case .submit(let target):
            Task {
                do {
                    if case .joined(let existing) = try await tracker.submit(target, follow: true, join: .standard) {
                        sink.yield(.joined(target, RequestRow(existing)))
                    }
                } catch {
                    sink.yield(.problem("\(error)"))
                }
            }
        case .forceSubmit(let target):
            Task {
                do {
                    _ = try await tracker.submit(target, follow: true, join: .never)
                } catch {
                    sink.yield(.problem("\(error)"))
                }
            }
        case .openCreator(let row):
            openResponse(of: row.requestID)
        case .openLatest(let creator):
            openResponse(of: creator.latestRequestID)
        case .loadPreview(let requestID):
            preview?.cancel()
            preview = readResponse(of: requestID) { body, history throws(ResponseUnreadable) in
                let record = try RefreshRecordDecoder.decode(body)
                guard !Task.isCancelled else { return }
                sink.yield(.previewLoaded(requestID: requestID, record, history: history))
            }
        case .exportPosts(let record):
            exportPosts(of: record)
        case .submitMany(let targets):
            submitMany(targets)
        case .addToRoster(let name, let targets):
            let store = self.store
            let time = self.time
            Task {
                do {
                    let rosterName: RosterName
                    do throws(RosterError) {
                        rosterName = try RosterName(name)
                    } catch {
                        sink.yield(.rosterAdditionRefused(name: name, targets, reason: error.description))
                        return
                    }
                    let addition = try await store.addToRoster(rosterName, targets, at: time.now, creating: true)
                    let already = addition.alreadyIn > 0 ? " (\(addition.alreadyIn) in it already)" : ""
                    let made = addition.created ? "the new roster" : "the roster"
                    sink.yield(.notice("Added \(addition.added) to \(made) \(name)\(already)."))
                } catch {
                    sink.yield(.problem("\(error)"))
                }
            }
        case .compare(let creators):
            compare(creators)
        case .exportComparison(let comparison):
            export(comparison)
        case .notify(let text, let style):
            terminal.notify(SafeText.sanitize(text), style: style)
        }
    }

    /// Submits each target once (joined when under way or fresh), at most five POSTs a second however many
    /// batches are under way, and says how it went.
    private func submitMany(_ targets: [RefreshTarget]) {
        let sink = self.sink
        let submission = BulkSubmission(tracker: tracker, join: .standard, pacer: pacer)
        Task {
            let tally = SubmissionTally()
            await submission.run(targets, shouldStop: { false }) { await tally.take($0) }
            sink.yield(.notice(await tally.sentence))
        }
    }

    /// Reads the latest refresh of each creator and opens them side by side.
    private func compare(_ creators: [CreatorRow]) {
        let sink = self.sink
        let store = self.store
        Task {
            do {
                var compared: [ComparedCreator] = []
                for creator in creators {
                    guard let id = creator.latestRequestID, let body = try await store.responseBody(RequestID(id)) else {
                        sink.yield(.problem("The latest response of \(creator.key) is not in the store."))
                        return
                    }
                    // A comparison keeps figures worked out from the posts, never their text.
                    let record = try RefreshRecordDecoder.decode(body, parts: .postFigures)
                    compared.append(ComparedCreator(row: creator, record: record))
                }
                sink.yield(.comparisonLoaded(compared))
            } catch {
                sink.yield(.problem("A stored response cannot be read: \(error)"))
            }
        }
    }

    /// Writes a comparison as CSV in the export folder, named after its creators.
    private func export(_ comparison: Comparison) {
        let names = comparison.creators.map { Self.fileSafe($0.row.handle ?? $0.row.key) }.joined(separator: "-")
        let stamp = Timestamp.day(time.now)
        let file = exportFolder.appendingPathComponent("ylytic-compare-\(names.prefix(80))-\(stamp).csv")
        do {
            try Data(ComparisonCSV.text(comparison).utf8).write(to: file, options: .atomic)
            sink.yield(.notice("Wrote the comparison to \(file.path)"))
        } catch {
            sink.yield(.problem("Could not write \(file.path): \(FileProblem.writing(file.path, error))"))
        }
    }

    /// Letters, digits, `_` and `.` of `text`, at most 40, for a file name.
    private static func fileSafe(_ text: String) -> String {
        String(
            text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "." }
                .map(Character.init).prefix(40))
    }

    /// Writes the posts of `record` as CSV in the export folder, named after the creator and the request.
    private func exportPosts(of record: RefreshRecord) {
        let posts = record.response?.posts ?? Posts()
        let who = record.response?.profileOverview?.handle ?? record.request?.target?.value ?? "creator"
        let safeName = Self.fileSafe(who)
        let file = exportFolder.appendingPathComponent(
            "ylytic-\(safeName.isEmpty ? "creator" : safeName)-\(record.requestID.rawValue.prefix(24))-posts.csv")
        do {
            try Data(PostsCSV.text(posts).utf8).write(to: file, options: .atomic)
            sink.yield(.notice("Wrote \(posts.video.count + posts.nonVideo.count) posts to \(file.path)"))
        } catch {
            sink.yield(.problem("Could not write \(file.path): \(FileProblem.writing(file.path, error))"))
        }
    }

    /// Reads the stored response of a request for the creator page: a large one is drawn from its posts'
    /// figures first, and their text, read whole on another thread meanwhile, follows.
    private func openResponse(of requestID: String?) {
        guard let requestID else { return }
        let sink = self.sink
        _ = readResponse(of: requestID) { body, history throws(ResponseUnreadable) in
            let (page, postText) = try WholeReading.page(for: body, history: history)
            sink.yield(.creatorLoaded(page))
            if let postText { Self.forward(postText, to: sink) }
        }
    }

    /// Gives the page opened without its posts' text the whole record, when it is read.
    private static func forward(_ whole: WholeReading, to sink: AsyncStream<DashboardAction>.Continuation) {
        Task {
            switch await whole.record {
            case .success(let record): sink.yield(.postTextLoaded(record))
            case .failure(let error): sink.yield(.problem("The posts' text cannot be read: \(error)"))
            }
        }
    }

    /// Reads the stored response of a request and the creator's history, and hands them to `read` (which
    /// decodes the body and answers with actions); a body that cannot be read is told on the status bar.
    private func readResponse(
        of requestID: String, _ read: @escaping @Sendable (Data, [HistoryPoint]) throws(ResponseUnreadable) -> Void
    ) -> Task<Void, Never> {
        let sink = self.sink
        let store = self.store
        let id = RequestID(requestID)
        return Task {
            do {
                guard let body = try await store.responseBody(id) else {
                    sink.yield(.problem("The response of \(id) is not in the store."))
                    return
                }
                let history = try await store.history(ofCreatorRefreshedBy: id).map {
                    HistoryPoint(date: $0.takenAt, followers: $0.followers, engagement: $0.engagement, posts: $0.posts)
                }
                try read(body, history)
            } catch {
                sink.yield(.problem("The stored response cannot be read: \(error)"))
            }
        }
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

/// What became of a batch of submissions, for the status bar.
private actor SubmissionTally {
    private var submitted = 0
    private var joined = 0
    private var refused: [String] = []

    func take(_ outcome: BulkSubmission.Outcome) {
        switch outcome {
        case .submitted: submitted += 1
        case .joined: joined += 1
        case .refused(let target, let error): refused.append("\(target): \(error)")
        }
    }

    var sentence: String {
        var parts = ["\(submitted) submitted"]
        if joined > 0 { parts.append("\(joined) under way or fresh, joined") }
        if let first = refused.first { parts.append("\(refused.count) refused (\(first))") }
        return "Refreshes: " + parts.joined(separator: ", ") + "."
    }
}
