import Foundation
import RefreshAPI
import RefreshStore
import RefreshTestSupport
import RefreshTracking
import Testing

/// The bulk policy the command line and the dashboard share: when it stops submitting, and what it says.
@Suite("A batch of refreshes under one policy", .timeLimit(.minutes(1)))
struct BulkRefreshTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-bulk-\(UUID().uuidString)")
    let time = FastForwardTimeSource()

    func tracker(answering answer: FakeTransport.Answer) throws -> RefreshTracker {
        let client = RefreshClient(
            baseURL: URL(string: "http://127.0.0.1:9/ylytic/api/v1")!, token: APIToken("bulk-token")!,
            transport: FakeTransport([], fallback: answer), time: time, random: FixedRandomSource(0.5))
        let store = try RefreshStore(url: folder.appendingPathComponent("ylytic.sqlite"))
        return RefreshTracker(store: store, client: client, scope: .requested, time: time, random: FixedRandomSource(0.5))
    }

    let targets = (1...12).map { RefreshTarget(uncheckedType: .instagram, value: "creator\($0)") }

    @Test func threePostsInARowThatCannotReachTheServerStopIt() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let tracker = try tracker(answering: HTTPResponse.json(503, "{}"))
        await tracker.start()
        let bulk = BulkRefresh(targets, tracker: tracker, join: .standard, pacer: SubmissionPacer(perSecond: 5, time: time))
        let stop = await bulk.submit()
        guard case .serverUnreachable = stop else {
            Issue.record("it went on submitting to a server that cannot be reached: \(String(describing: stop))")
            return
        }
        let progress = await bulk.progress
        // Four go at once, and one more starts as each ends; those waiting for their turn when the third fails are
        // withdrawn, sending nothing (those started after the first two failed may have gone already).
        #expect((3...6).contains(progress.unknownSubmissions), "it stopped after three POSTs in a row could not go")
        #expect(progress.refused == 0 && progress.failed == 0, "a 503 to a POST leaves its outcome unknown, not failed")
        let sentence = await bulk.sentence
        #expect(
            sentence.hasPrefix(
                "Refreshes stopped, the server cannot be reached or keeps failing: 0 submitted, \(progress.unknownSubmissions) sent with "
                    + "the outcome unknown (not sent again), \(targets.count - progress.unknownSubmissions) not sent"), "\(sentence)")
        await tracker.stop()
    }

    @Test func aRefusedTokenStopsItAtOnce() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let tracker = try tracker(answering: HTTPResponse.json(401, "{\"message\": \"bad token\"}"))
        await tracker.start()
        let bulk = BulkRefresh(targets, tracker: tracker, join: .standard, pacer: SubmissionPacer(perSecond: 5, time: time))
        guard case .tokenRefused = await bulk.submit() else {
            Issue.record("a refused token did not stop the batch")
            return
        }
        #expect(await bulk.progress.started <= 4, "no POST starts after the token was refused")
        await tracker.stop()
    }

    @Test func askedToStopItSubmitsNoMore() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let tracker = try tracker(answering: HTTPResponse.json(201, Samples.body(id: "65b87c8576c9b42b3a285805", message: "pending", code: 201)))
        await tracker.start()
        let bulk = BulkRefresh(targets, tracker: tracker, join: .never, pacer: SubmissionPacer(perSecond: 5, time: time))
        await bulk.requestStop()
        #expect(await bulk.submit() == .asked)
        #expect(await bulk.progress.started == 0)
        #expect(await bulk.sentence == "Refreshes stopped: 0 submitted, 12 not sent.")
        await tracker.stop()
    }
}
