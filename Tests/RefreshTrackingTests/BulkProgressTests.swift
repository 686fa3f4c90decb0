import Foundation
import RefreshAPI
import RefreshTestSupport
import RefreshTracking
import Testing

@Suite("How far a bulk refresh has got")
struct BulkProgressTests {
    let a = try! RefreshTarget(type: .instagram, value: "a")
    let b = try! RefreshTarget(type: .instagram, value: "b")

    private func row(_ id: String, _ state: TrackedState, target: String) -> TrackedRequest {
        var request = TrackedRequest(
            requestID: id, requestType: "instagram", targetValue: target, state: state, submittedAt: StoreSamples.date)
        if state.hasEnded { request.finishedAt = StoreSamples.date + 30 }
        return request
    }

    @Test func countsEachTargetOnceAndEndsWhenEveryRequestHasEnded() {
        var progress = BulkProgress(total: 3)
        let submitted = progress.take(.submitted(a, StoreSamples.record("1", message: "pending", code: 201, handle: "a")))
        #expect(submitted?.event == "submitted")
        let lost = progress.take(.refused(try! RefreshTarget(type: .instagram, value: "c"), .client(.outcomeUnknown("timed out"))))
        #expect(lost?.event == "unknown" && lost?.detail == "timed out", "a POST whose answer was lost is told as unknown")
        #expect(progress.pending == 1 && progress.refused == 0 && progress.failed == 0 && !progress.isDone)
        #expect(progress.unknown == 1 && progress.unknownSubmissions == 1, "counted apart from failures")
        #expect(progress.secondsLeft(perSecond: 5) == nil, "no estimate before anything succeeded")

        let changes = progress.observe(StoreChanges(revision: StoreRevision(2), requests: [row("1", .succeeded, target: "a")]))
        #expect(changes.map(\.event) == ["succeeded"])
        #expect(!progress.isDone, "b is not started yet")
        #expect(progress.secondsLeft(perSecond: 5) == 0.2 + 30, "one more to submit, then the time one took")
        _ = progress.take(.joined(b, row("2", .succeeded, target: "b")))
        #expect(progress.isDone && progress.succeeded == 2 && progress.joined == 1)
    }

    @Test func failingPollsAreToldOnceAndThreeUnreachablePostsInARowMeanTheServerIsDown() {
        var progress = BulkProgress(total: 5)
        _ = progress.take(.submitted(a, StoreSamples.record("1", message: "pending", code: 201, handle: "a")))
        var failing = row("1", .pending, target: "a")
        failing.errorCount = 2
        failing.detail = "HTTP 503"
        #expect(progress.observe(StoreChanges(revision: StoreRevision(2), requests: [failing])).map(\.event) == ["retrying"])
        #expect(progress.observe(StoreChanges(revision: StoreRevision(3), requests: [failing])).isEmpty, "told once")
        #expect(progress.retryingCount == 1)
        for value in ["c", "d"] {
            _ = progress.take(.refused(try! RefreshTarget(type: .instagram, value: value), .client(.serverUnavailable(attempts: 4, lastProblem: "refused"))))
        }
        #expect(!progress.serverLooksDown)
        _ = progress.take(.refused(b, .client(.outcomeUnknown("timed out"))))
        #expect(progress.serverLooksDown, "three in a row")
    }

    @Test func anAnswerThatReachesTheStoreBeforeItsSubmissionIsTakenInIsNotLost() {
        var progress = BulkProgress(total: 1)
        #expect(progress.observe(StoreChanges(revision: StoreRevision(5), requests: [row("9", .succeeded, target: "a")])).isEmpty)
        _ = progress.take(.joined(a, row("9", .pending, target: "a")))
        #expect(progress.isDone, "the success seen first counts")
        #expect(progress.succeeded == 1)
    }
}

@Suite("Pacing POSTs")
struct SubmissionPacerTests {
    @Test func turnsAreFiveASecondAtMostEvenWhenOneIsGivenLate() async {
        let time = ManualTimeSource()
        let pacer = SubmissionPacer(perSecond: 5, time: time)
        let given = GivenTurns()
        let waiters = (0..<12).map { _ in
            Task {
                await pacer.waitForTurn()
                await given.add(time.now)
            }
        }
        for round in 1..<12 {
            await time.waitForSleepers(12 - round)
            // The fourth turn is given 0.15 s late, as on a busy machine.
            time.advance(to: time.nextDeadline! + (round == 4 ? 0.15 : 0))
        }
        for waiter in waiters { await waiter.value }
        let turns = await given.sorted
        #expect(turns.count == 12)
        let gaps = zip(turns, turns.dropFirst()).map { $1.timeIntervalSince($0) }
        #expect(gaps.allSatisfy { $0 >= 0.2 - 1e-9 }, "every two turns at least 0.2 s apart: \(gaps)")
        let sixes = zip(turns, turns.dropFirst(5)).map { $1.timeIntervalSince($0) }
        #expect(sixes.allSatisfy { $0 >= 1 }, "never six in one second: \(sixes)")
    }

    actor GivenTurns {
        private var turns: [Date] = []
        func add(_ date: Date) { turns.append(date) }
        var sorted: [Date] { turns.sorted() }
    }
}
