import DashboardCore
import Foundation
import Presentation
import RefreshAPI
import RefreshTracking
import Synchronization
import TextGrid

/// Runs the dashboard on one ``EventRunner``: terminal input, the tracker's changes (made by this process or any
/// other on the same store) and ticks become actions; the reducer changes the state and asks for effects, which run
/// here and come back as actions; a frame is drawn after each, and the terminal sends only what changed.
public final class DashboardRuntime {
    private let terminal: any DashboardTerminal
    private let tracker: RefreshTracker
    private let store: any TrackingStore
    private let time: any TimeSource
    private let exportFolder: URL
    private let reducer = DashboardReducer()
    private let view = DashboardView()
    private var state: DashboardState
    private let runner: EventRunner<DashboardAction>
    /// The read of the preview pane's response under way, dropped when the selection moves on.
    private var preview: Task<Void, Never>?
    /// Reads the creators and rosters again when they change, one read at a time.
    private let creatorsReading = CreatorsReading()
    private let usageReading = UsageReading()
    /// Spaces the POSTs of every batch this dashboard submits (`r` on marked creators, `R` on a roster).
    private let pacer: SubmissionPacer
    /// The batches under way, asked to stop (their POSTs under way finishing) when the dashboard quits.
    private let batches = Batches()

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
        runner = EventRunner(tracker: tracker, time: time)
    }

    /// Whether the person left by Ctrl-C, or a signal or the terminal's loss did, rather than by the quit key.
    public var wasInterrupted: Bool { state.wasInterrupted }

    /// Runs until the person quits or the terminal goes away; submits `starters` first. Stops the batches under
    /// way (their POSTs finish) and the tracker (its leases go to other processes at once), and gives the terminal
    /// back. Returns what to say once it is back: how far each batch stopped by quitting got, and the requests sent
    /// whose ids the store never took.
    ///
    /// `postText` is the whole reading of the body the page the state starts on was read from without its posts'
    /// text (``CreatorPage/hasPostText``): the page takes it once drawn.
    @discardableResult
    public func run(submitting starters: [RefreshTarget] = [], postText: WholeReading? = nil) async -> [String] {
        let size = terminal.size
        _ = reducer.reduce(&state, .resize(width: size.width, height: size.height))
        _ = reducer.reduce(&state, .tick(time.now))
        runner.forward(terminal.input) { input in
            switch input {
            case .key(let key): .key(key)
            case .mouse(let mouse): .mouse(mouse)
            case .resize(let width, let height): .resize(width: width, height: height)
            case .focus(let isInFront): .focus(isInFront)
            case .closed: .key(.control("c"))
            }
        }
        runner.tick(every: 1)
        // A page opened from a file shows nothing from the store: it is drawn before the store is read.
        if state.lists == nil { draw() }
        if let postText { Self.forward(postText, to: runner) }
        await showFirstPage()
        await tracker.start()
        for target in starters { perform(.submit(target)) }
        draw()
        await runner.run { event in
            switch event {
            case .input(let action): handle(action)
            case .tick(let date): handle(.tick(date))
            case .tracker(let event): hear(event)
            }
            return !state.shouldQuit
        }
        var sentences = await stopBatches()
        await tracker.stop()
        let unrecorded = await tracker.unrecordedSubmissions
        if !unrecorded.isEmpty { sentences.append(UnrecordedSubmissions.sentence(unrecorded)) }
        runner.stop()
        terminal.stop()
        return sentences
    }

    /// Reduces an action, does what it asks, draws the frame, and ticks as often as the screen changes with time.
    private func handle(_ action: DashboardAction) {
        for effect in reducer.reduce(&state, action) { perform(effect) }
        guard !state.shouldQuit else { return }
        runner.tick(every: Self.needsFrequentTicks(state) ? 1 : 10)
        draw()
    }

    /// What the tracker says, as actions: rows that changed, and the creators and rosters read again when they did.
    private func hear(_ event: TrackerEvent) {
        switch event {
        case .changed(let changes):
            let rows = changes.requests.map(RequestRow.init)
            if changes.replacesEverything {
                handle(.loaded(rows))
            } else {
                if !rows.isEmpty { handle(.updated(rows)) }
                if !changes.forgotten.isEmpty { handle(.removed(changes.forgotten.map(\.localID))) }
            }
            if changes.creatorsChanged { readCreators() }
            // A new intent is a paid refresh (and one taken off when its POST never went).
            if changes.replacesEverything || !changes.forgotten.isEmpty || rows.contains(where: { $0.phase == .submitting }) {
                readUsage()
            }
        case .rateLimited(let until):
            handle(.notice("The server asks to slow down; polling resumes at \(Timestamp.text(until))."))
        case .problem(let text):
            handle(.problem(text))
        case .storeUnreachable(let reason):
            handle(.storeConnection(lostBecause: reason))
        case .storeReachable:
            handle(.storeConnection(lostBecause: nil))
        case .followingEnded:
            break
        }
    }

    /// Reads the creators and the rosters again: at once, or when the read under way ends (changes that come
    /// meanwhile make one more read, however many they are).
    private func readCreators() {
        let (reading, store, time, runner) = (creatorsReading, self.store, self.time, self.runner)
        Task { await reading.read(from: store, time: time, into: runner) }
    }

    /// Reads the paid refreshes of today and the budget again, as ``readCreators()`` reads the creators.
    private func readUsage() {
        let (reading, store, time, runner) = (usageReading, self.store, self.time, self.runner)
        Task { await reading.read(from: store, now: time.now, into: runner) }
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

    /// Asks every batch under way to stop and waits for the POSTs under way, at most five seconds (a real time: it
    /// keeps a person from waiting on a server that does not answer, and synchronises nothing). Returns how far each
    /// got.
    private func stopBatches() async -> [String] {
        let running = batches.running
        guard !running.isEmpty else { return [] }
        for batch in running { await batch.bulk.requestStop() }
        let waited = Once()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waited.set(continuation)
            Task {
                for batch in running { await batch.task.value }
                waited.resume()
            }
            Task {
                try? await Task.sleep(for: .seconds(5))
                waited.resume()
            }
        }
        var sentences: [String] = []
        for batch in running { sentences.append(await batch.bulk.sentence) }
        return sentences
    }

    private func perform(_ effect: DashboardEffect) {
        let runner = self.runner
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
                    runner.send(.notice("Forgotten."))
                } catch {
                    runner.send(.problem("Could not forget: \(error)"))
                }
            }
        case .submit(let target):
            Task {
                do {
                    if case .joined(let existing) = try await tracker.submit(target, follow: true, join: .standard) {
                        runner.send(.joined(target, RequestRow(existing)))
                    }
                } catch {
                    runner.send(.problem("\(error)"))
                }
                runner.send(.submissionEnded(target))
            }
        case .forceSubmit(let target):
            Task {
                do {
                    _ = try await tracker.submit(target, follow: true, join: .never)
                } catch {
                    runner.send(.problem("\(error)"))
                }
                runner.send(.submissionEnded(target))
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
                runner.send(.previewLoaded(requestID: requestID, record, history: history))
            }
        case .exportPosts(let record):
            exportPosts(of: record)
        case .submitMany(let targets, let join):
            submitMany(targets, join: join)
        case .priceBatch(let plan):
            price(plan)
        case .addToRoster(let name, let targets):
            let store = self.store
            let time = self.time
            Task {
                do {
                    let rosterName: RosterName
                    do throws(RosterError) {
                        rosterName = try RosterName(name)
                    } catch {
                        runner.send(.rosterAdditionRefused(name: name, targets, reason: error.description))
                        return
                    }
                    let addition = try await store.addToRoster(rosterName, targets, at: time.now, creating: true)
                    let already = addition.alreadyIn > 0 ? " (\(addition.alreadyIn) in it already)" : ""
                    let made = addition.created ? "the new roster" : "the roster"
                    runner.send(.notice("Added \(addition.added) to \(made) \(name)\(already)."))
                } catch {
                    runner.send(.problem("\(error)"))
                }
            }
        case .removeFromRoster(let name, let targets):
            let store = self.store
            Task {
                do {
                    try await store.removeFromRoster(name, targets)
                    let who = targets.count == 1 ? targets[0].description : "\(targets.count) creators"
                    runner.send(.notice("Removed \(who) from \(name)."))
                } catch {
                    runner.send(.problem("\(error)"))
                }
            }
        case .deleteRoster(let name):
            let store = self.store
            Task {
                do {
                    guard try await store.deleteRoster(name) else { throw RosterError.notFound(name) }
                    runner.send(.notice("Deleted the roster \(name)."))
                } catch {
                    runner.send(.problem("\(error)"))
                }
            }
        case .renameRoster(let name, let newName):
            let store = self.store
            Task {
                do {
                    try await store.renameRoster(name, to: newName)
                    runner.send(.notice("Renamed the roster \(name) to \(newName)."))
                } catch let refused as RosterError {
                    runner.send(.rosterRenameRefused(name: name, typed: newName.rawValue, reason: refused.description))
                } catch {
                    runner.send(.problem("\(error)"))
                }
            }
        case .compare(let creators):
            compare(creators)
        case .exportComparison(let comparison):
            export(comparison)
        case .exportCreators(let name, let listings):
            export(listings, name: name)
        case .notify(let text, let style):
            terminal.notify(SafeText.sanitize(text), style: style)
        }
    }

    /// Submits each target once (joined when under way or fresh, as `join` says) under the bulk policy the command line follows
    /// too (``BulkRefresh``): at most five POSTs a second however many batches are under way, stopped when three POSTs
    /// in a row cannot reach the server; says how it went.
    private func submitMany(_ targets: [RefreshTarget], join: JoinPolicy) {
        let runner = self.runner
        let bulk = BulkRefresh(targets, tracker: tracker, join: join, pacer: pacer)
        let task = Task {
            await bulk.submit()
            let sentence = await bulk.sentence
            runner.send(await bulk.stoppedForAProblem ? .problem(sentence) : .notice(sentence))
        }
        batches.add(bulk, task)
    }

    /// Reads what the batch would cost (how many new requests, how many joined), to ask before it is sent.
    private func price(_ plan: BatchPlan) {
        let runner = self.runner
        let store = self.store
        let now = time.now
        Task {
            do {
                let requests = try await store.requests(in: nil)
                runner.send(.batchPriced(plan, BulkPrice.of(plan.targets, requests: requests, join: .standard, now: now)))
            } catch {
                runner.send(.problem("Sent nothing: the store could not say what the refresh would cost: \(error)"))
            }
        }
    }

    /// Reads the latest refresh of each creator and opens them side by side.
    private func compare(_ creators: [CreatorRow]) {
        let runner = self.runner
        let store = self.store
        Task {
            do {
                var compared: [ComparedCreator] = []
                for creator in creators {
                    guard let id = creator.latestRequestID, let body = try await store.responseBody(RequestID(id)) else {
                        runner.send(.problem("The latest response of \(creator.key) is not in the store."))
                        return
                    }
                    // A comparison keeps figures worked out from the posts, never their text.
                    let record = try RefreshRecordDecoder.decode(body, parts: .postFigures)
                    compared.append(ComparedCreator(row: creator, record: record))
                }
                runner.send(.comparisonLoaded(compared))
            } catch {
                runner.send(.problem("A stored response cannot be read: \(error)"))
            }
        }
    }

    /// Writes a comparison as CSV in the export folder, named after its creators.
    private func export(_ comparison: Comparison) {
        let names = comparison.creators.map { Self.fileSafe($0.row.handle ?? $0.row.key) }.joined(separator: "-")
        let stamp = Timestamp.day(time.now)
        let name = exportFolder.appendingPathComponent("ylytic-compare-\(names.prefix(80))-\(stamp).csv")
        do throws(ExportFailure) {
            let file = try Self.writeNew(ComparisonCSV.text(comparison), named: name)
            runner.send(.notice("Wrote the comparison to \(file.path)"))
        } catch {
            runner.send(.problem("Could not write \(error.path): \(FileProblem.writing(error.path, error.error))"))
        }
    }

    /// Letters, digits, `_` and `.` of `text`, at most 40, for a file name.
    private static func fileSafe(_ text: String) -> String {
        String(
            text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "." }
                .map(Character.init).prefix(40))
    }

    /// Writes creators as CSV in the export folder, named after what they are (`creators`, a roster) and the day.
    private func export(_ listings: [CreatorListing], name: String) {
        let stem = Self.fileSafe(name)
        let name = exportFolder.appendingPathComponent("ylytic-\(stem.isEmpty ? "creators" : stem)-\(Timestamp.day(time.now)).csv")
        do throws(ExportFailure) {
            let file = try Self.writeNew(CreatorsCSV.text(listings), named: name)
            runner.send(.notice("Wrote \(NumberFormat.grouped(listings.count)) creators to \(file.path)"))
        } catch {
            runner.send(.problem("Could not write \(error.path): \(FileProblem.writing(error.path, error.error))"))
        }
    }

    /// A file an export could not write, and why.
    private struct ExportFailure: Error {
        let path: String
        let error: any Error
    }

    /// Writes `text` to `name`, or when it exists to the first of `NAME-2.csv`, `NAME-3.csv`… that does not: an
    /// export never overwrites a file. Returns the file written.
    private static func writeNew(_ text: String, named name: URL) throws(ExportFailure) -> URL {
        let file = unused(name)
        do {
            try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw ExportFailure(path: file.path, error: error)
        }
        return file
    }

    /// `file`, or when it exists, the first of `NAME-2.csv`, `NAME-3.csv`… that does not (a link that leads
    /// nowhere counts as there: writing would follow it).
    private static func unused(_ file: URL) -> URL {
        func isTaken(_ url: URL) -> Bool { (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil }
        guard isTaken(file) else { return file }
        let stem = file.deletingPathExtension().lastPathComponent, folder = file.deletingLastPathComponent()
        var number = 2
        while isTaken(folder.appendingPathComponent("\(stem)-\(number).\(file.pathExtension)")) {
            number += 1
        }
        return folder.appendingPathComponent("\(stem)-\(number).\(file.pathExtension)")
    }

    /// Writes the posts of `record` as CSV in the export folder, named after the creator and the request.
    private func exportPosts(of record: RefreshRecord) {
        let posts = record.response?.posts ?? Posts()
        let who = record.response?.profileOverview?.handle ?? record.request?.target?.value ?? "creator"
        let safeName = Self.fileSafe(who)
        let name = exportFolder.appendingPathComponent(
            "ylytic-\(safeName.isEmpty ? "creator" : safeName)-\(record.requestID.rawValue.prefix(24))-posts.csv")
        do throws(ExportFailure) {
            let file = try Self.writeNew(PostsCSV.text(posts), named: name)
            runner.send(.notice("Wrote \(posts.video.count + posts.nonVideo.count) posts to \(file.path)"))
        } catch {
            runner.send(.problem("Could not write \(error.path): \(FileProblem.writing(error.path, error.error))"))
        }
    }

    /// Reads the stored response of a request for the creator page: a large one is drawn from its posts'
    /// figures first, and their text, read whole on another thread meanwhile, follows.
    private func openResponse(of requestID: String?) {
        guard let requestID else { return }
        let runner = self.runner
        _ = readResponse(of: requestID) { body, history throws(ResponseUnreadable) in
            let (page, postText) = try WholeReading.page(for: body, history: history)
            runner.send(.creatorLoaded(page))
            if let postText { Self.forward(postText, to: runner) }
        }
    }

    /// Gives the page opened without its posts' text the whole record, when it is read.
    private static func forward(_ whole: WholeReading, to runner: EventRunner<DashboardAction>) {
        Task {
            switch await whole.record {
            case .success(let record): runner.send(.postTextLoaded(record))
            case .failure(let error): runner.send(.problem("The posts' text cannot be read: \(error)"))
            }
        }
    }

    /// Reads the stored response of a request and the creator's history, and hands them to `read` (which
    /// decodes the body and answers with actions); a body that cannot be read is told on the status bar.
    private func readResponse(
        of requestID: String, _ read: @escaping @Sendable (Data, [HistoryPoint]) throws(ResponseUnreadable) -> Void
    ) -> Task<Void, Never> {
        let runner = self.runner
        let store = self.store
        let id = RequestID(requestID)
        return Task {
            do {
                guard let body = try await store.responseBody(id) else {
                    runner.send(.problem("The response of \(id) is not in the store."))
                    return
                }
                let history = try await store.history(ofCreatorRefreshedBy: id).map {
                    HistoryPoint(date: $0.takenAt, followers: $0.followers, engagement: $0.engagement, posts: $0.posts)
                }
                try read(body, history)
            } catch {
                runner.send(.problem("The stored response cannot be read: \(error)"))
            }
        }
    }
}

/// The batches of refreshes under way; each leaves when it ends.
private final class Batches: Sendable {
    private let entries = Mutex<[UUID: (bulk: BulkRefresh, task: Task<Void, Never>)]>([:])

    var running: [(bulk: BulkRefresh, task: Task<Void, Never>)] { entries.withLock { Array($0.values) } }

    /// Keeps a batch until its task ends.
    func add(_ bulk: BulkRefresh, _ task: Task<Void, Never>) {
        let key = UUID()
        entries.withLock { $0[key] = (bulk, task) }
        Task { [weak self] in
            await task.value
            _ = self?.entries.withLock { $0.removeValue(forKey: key) }
        }
    }
}

/// A continuation resumed by whichever of several tasks comes first, once.
private final class Once: Sendable {
    private let continuation = Mutex<CheckedContinuation<Void, Never>?>(nil)

    func set(_ waiting: CheckedContinuation<Void, Never>) {
        continuation.withLock { $0 = waiting }
    }

    func resume() {
        continuation.withLock { waiting in
            waiting?.resume()
            waiting = nil
        }
    }
}

/// The creators and rosters read again after the store says they changed: one read at a time, and one more when
/// changes came during it, so that a read always ends even while a batch changes them every second.
private actor CreatorsReading {
    private var isReading = false
    private var readAgain = false

    func read(from store: any TrackingStore, time: any TimeSource, into runner: EventRunner<DashboardAction>) async {
        guard !isReading else {
            readAgain = true
            return
        }
        isReading = true
        repeat {
            readAgain = false
            do {
                let creators = try await CreatorRow.all(in: store)
                let rosters = try await RosterRow.all(in: store, creators: creators, now: time.now)
                runner.send(.creatorsLoaded(creators))
                runner.send(.rostersLoaded(rosters))
            } catch {
                runner.send(.problem("The store could not be read: \(error)"))
            }
        } while readAgain
        isReading = false
    }
}

/// The paid refreshes of today and the budget read again after a submission: one read at a time, and one more when
/// submissions came during it.
private actor UsageReading {
    private var isReading = false
    private var readAgain = false

    func read(from store: any TrackingStore, now: Date, into runner: EventRunner<DashboardAction>) async {
        guard !isReading else {
            readAgain = true
            return
        }
        isReading = true
        repeat {
            readAgain = false
            do {
                let budget = try await store.budget()
                let day = RefreshBudget(limit: 0, period: .day).periodStart(containing: now)
                let periodStart = budget?.periodStart(containing: now) ?? day
                let counts = try await store.usage(since: min(day, periodStart))
                let sent = { (start: Date) in counts.filter { $0.hour >= start }.reduce(0) { $0 + $1.refreshes } }
                runner.send(.usageLoaded(UsageToday(sent: sent(day), budget: budget, usedInPeriod: sent(periodStart))))
            } catch {
                // What was sent today is a courtesy of the header: a store that cannot be read says so elsewhere.
            }
        } while readAgain
        isReading = false
    }
}
