import DashboardApp
import DashboardCore
import Foundation
import RefreshAPI
import RefreshStore
import RefreshTestSupport
import RefreshTracking
import Synchronization
import Testing
import TextGrid

/// A terminal that keeps what is drawn, as text, and takes keys from the test.
final class FakeTerminal: DashboardTerminal {
    let size: (width: Int, height: Int)
    let input: AsyncStream<TerminalInput>
    private let keys: AsyncStream<TerminalInput>.Continuation
    let frames: AsyncStream<String>
    private let drawn: AsyncStream<String>.Continuation
    private let stopped = Mutex(false)
    private let told = Mutex<[(String, NotificationStyle)]>([])

    init(width: Int = 120, height: Int = 30) {
        size = (width, height)
        (input, keys) = AsyncStream.makeStream()
        (frames, drawn) = AsyncStream.makeStream()
    }

    var isStopped: Bool { stopped.withLock { $0 } }

    func press(_ key: Key) { keys.yield(.key(key)) }

    func draw(_ grid: Grid) { drawn.yield(grid.text) }

    func notify(_ text: String, style: NotificationStyle) { told.withLock { $0.append((text, style)) } }

    /// What the dashboard told the person, in order.
    var notifications: [String] { told.withLock { $0.map(\.0) } }

    func focus(_ isInFront: Bool) { keys.yield(.focus(isInFront)) }

    func stop() {
        stopped.withLock { $0 = true }
        drawn.finish()
    }
}

extension AsyncStream<String>.Iterator {
    /// The next frame that satisfies `condition`.
    mutating func frame(where condition: (String) -> Bool) async -> String? {
        while let frame = await next() {
            if condition(frame) { return frame }
        }
        return nil
    }
}

/// The path from the monitor to the screen, and from another process to the screen, on a manual clock.
@Suite("Dashboard runtime: tracker changes become rows on screen", .timeLimit(.minutes(1)))
struct DashboardRuntimeTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-runtime-\(UUID().uuidString)")
    let api = ScriptedAPI()
    let time = ManualTimeSource()
    var start: Date { Date(timeIntervalSince1970: 1_700_000_000) }

    func store() throws -> RefreshStore {
        try RefreshStore(url: folder.appendingPathComponent("ylytic.sqlite"))
    }

    func runtime(_ terminal: FakeTerminal, store: RefreshStore, holder: String) -> DashboardRuntime {
        let client = RefreshClient(
            baseURL: URL(string: "http://127.0.0.1:9/ylytic/api/v1")!, token: APIToken("runtime-token")!, transport: api,
            time: time, random: FixedRandomSource(0.5))
        let tracker = RefreshTracker(
            store: store, client: client, scope: .everything, holder: LeaseHolder(holder), time: time,
            random: FixedRandomSource(0.5))
        return DashboardRuntime(
            terminal: terminal, tracker: tracker, store: store, state: DashboardState(now: time.now, source: "test"),
            time: time, exportFolder: folder)
    }

    @Test func aPollThatEndsARequestReachesTheScreen() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store()
        let terminal = FakeTerminal()
        var frames = terminal.frames.makeAsyncIterator()
        let running = Task { [runtime = runtime(terminal, store: store, holder: "dash@box 1 a")] in
            await runtime.run(submitting: [try! RefreshTarget(type: .instagram, value: "thetatvaindia")])
        }
        let pending = await frames.frame { $0.contains("thetatvaindia") && $0.contains("pending") }
        #expect(pending?.contains("pending 1") == true, "the header counts it")
        api.answer("r1", .succeeded)
        await time.waitForSleeper(until: start + 2)
        time.advance(to: start + 2)
        let finished = await frames.frame { $0.contains("succeeded 1") }
        let row = finished?.split(separator: "\n").first { $0.contains("thetatvaindia") }
        #expect(row?.contains("succeeded") == true)
        #expect(row?.contains("Anurag Gupta") == true, "the creator's name from the response")
        #expect(try await store.request("r1")?.state == .succeeded, "recorded before it was shown")
        terminal.press(.character("q"))
        _ = await running.value
        #expect(terminal.isStopped)
    }

    @Test func whatAnotherProcessSubmitsAndForgetsAppearsAndGoesWithoutAKey() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = FakeTerminal()
        var frames = terminal.frames.makeAsyncIterator()
        let running = Task { [runtime = runtime(terminal, store: try store(), holder: "dash@box 1 a")] in
            await runtime.run()
        }
        _ = await frames.frame { $0.contains("pending 0") }
        // Another process on the same store: `ylytic refresh` without --wait.
        let other = try store()
        let target = try RefreshTarget(type: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")
        let local = try await other.recordIntent(target, at: start, holder: LeaseHolder("cli@box 2 b"), leaseUntil: start + 45)
        try await other.recordSubmission(
            local,
            RefreshRecord(requestID: "x1", request: EchoedRequest(target), status: RefreshStatus(code: 201, message: "pending")),
            holder: nil, leaseUntil: nil)
        let shown = await frames.frame { $0.contains("UCurYxozQbvKn-oNUxNJh45Q") && $0.contains("pending 1") }
        #expect(shown != nil)
        var sent = api.sent.makeAsyncIterator()
        await time.waitForSleeper(until: start + 2)
        time.advance(to: start + 2)
        #expect(await sent.next()?.url.lastPathComponent == "x1", "the dashboard adopted it and polls it")
        #expect(try await other.request("x1")?.leaseHolder == LeaseHolder("dash@box 1 a"))

        #expect(try await other.forget("x1", purge: false))
        let gone = await frames.frame { !$0.contains("UCurYxozQbvKn-oNUxNJh45Q") }
        #expect(gone?.contains("pending 0") == true)
        terminal.press(.control("c"))
        _ = await running.value
    }

    @Test func enterOnALargeResponseShowsItsPageAndThenItsCaptions() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store()
        let body = ManyPostsBody.make(posts: 4_000)
        #expect(body.count >= CreatorPage.twoStepBodySize)
        try await store.recordSubmittedAndFinished(try RefreshRecordDecoder.decode(body), body: body, at: start)
        let terminal = FakeTerminal()
        var frames = terminal.frames.makeAsyncIterator()
        let running = Task { [runtime = runtime(terminal, store: store, holder: "dash@box 1 a")] in
            await runtime.run()
        }
        _ = await frames.frame { $0.contains("many.posts") }
        terminal.press(.enter)
        let page = await frames.frame { $0.contains("Top posts by engagement") && $0.contains("Caption of post 3999 with some words") }
        #expect(page?.contains("54.3k (54,321)") == true)
        terminal.press(.character("p"))
        let posts = await frames.frame { $0.contains("CAPTION") }
        #expect(posts?.contains("Caption of post ") == true, "the posts table has the captions")
        terminal.press(.control("c"))
        _ = await running.value
    }
}
