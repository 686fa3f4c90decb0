import Foundation
import Testing
@testable import RefreshAPI
import RefreshTestSupport

@Suite("RefreshMonitor on a manual clock")
struct RefreshMonitorTests {
    let time = ManualTimeSource()

    func monitor(_ poller: FakePoller, configure: (inout MonitorConfiguration) -> Void = { _ in },
        random: any RandomSource = FixedRandomSource(0.5)) -> RefreshMonitor
    {
        var configuration = MonitorConfiguration()
        configure(&configuration)
        return RefreshMonitor(poller: poller, configuration: configuration, time: time, random: random)
    }

    /// Waits until the monitor sleeps, then moves the clock to its wake-up time.
    func advanceToNextWake() async {
        await time.waitForSleepers(1)
        time.advance(to: time.nextDeadline!)
    }

    func offsets(_ poller: FakePoller, from start: Date) -> [Double] {
        poller.starts.map { ($0.at.timeIntervalSince(start) * 1000).rounded() / 1000 }
    }

    @Test func firstPollAfterTwoSecondsThenIntervalsGrowByHalfUpToThirty() async {
        let start = time.now
        let poller = FakePoller(time: time)
        let monitor = monitor(poller)
        var updates = monitor.updates.makeAsyncIterator()
        await monitor.follow("a")
        for _ in 0..<10 {
            await advanceToNextWake()
            _ = await updates.next()?.unscheduled
        }
        // Gaps: 2, then 3, 4.5, 6.75, 10.125, 15.1875, 22.78125, 30, 30, 30.
        #expect(offsets(poller, from: start) == [2, 5, 9.5, 16.25, 26.375, 41.563, 64.344, 94.344, 124.344, 154.344])
        await monitor.stop()
    }

    @Test func onceThreeRequestsEndedANewOneIsFirstPolledAfterTheShortestTimeTheyTook() async {
        let start = time.now
        let poller = FakePoller(time: time)
        for id in ["a", "b", "c"] { poller.script(RequestID(id), [.success(FakePoller.pending(RequestID(id))), FakePoller.succeeded(RequestID(id))]) }
        let monitor = monitor(poller)
        var updates = monitor.updates.makeAsyncIterator()
        for id in ["a", "b", "c"] { await monitor.follow(RequestID(id)) }
        for _ in 0..<2 {
            await advanceToNextWake()
            for _ in 0..<3 { _ = await updates.next() }
        }
        #expect(offsets(poller, from: start) == [2, 2, 2, 5, 5, 5], "pending at 2 s, ended at 5 s")
        await monitor.follow("d")
        await advanceToNextWake()
        _ = await updates.next()
        #expect(offsets(poller, from: start).last == 10, "d, followed at 5 s, is first polled 5 s later, not 2")
        await monitor.stop()
    }

    @Test func pollsAlreadyQueuedForYoungerRequestsArePutOffOnceTheWaitIsLearned() async {
        let start = time.now
        let poller = FakePoller(time: time)
        for id in ["a", "b", "c"] {
            let pending = FakePoller.Answer.success(FakePoller.pending(RequestID(id)))
            poller.script(RequestID(id), [pending, pending, FakePoller.succeeded(RequestID(id))])
        }
        let monitor = monitor(poller)
        var updates = monitor.updates.makeAsyncIterator()
        for id in ["a", "b", "c"] { await monitor.follow(RequestID(id)) }
        for _ in 0..<2 {
            await advanceToNextWake()
            for _ in 0..<3 { _ = await updates.next() }
        }
        time.advance(to: start + 6)
        await monitor.follow("d")
        await advanceToNextWake()
        _ = await updates.next()
        await advanceToNextWake()
        for _ in 0..<3 { _ = await updates.next() }
        await advanceToNextWake()
        _ = await updates.next()
        let polls = poller.starts.filter { $0.id == "d" }.map { ($0.at.timeIntervalSince(start) * 1000).rounded() / 1000 }
        #expect(polls == [8, 15.5], "d's poll at 11 s (age 5) is put off to age 9.5, the time the others took")
        await monitor.stop()
    }

    @Test func waitsVaryByUpToTwentyPercent() async {
        let start = time.now
        let poller = FakePoller(time: time)
        let monitor = monitor(poller, random: FixedRandomSource(0, 0.99999))
        var updates = monitor.updates.makeAsyncIterator()
        await monitor.follow("a")
        for _ in 0..<3 {
            await advanceToNextWake()
            _ = await updates.next()?.unscheduled
        }
        let gaps = zip(offsets(poller, from: start).dropFirst(), offsets(poller, from: start)).map { $0 - $1 }
        #expect(abs(gaps[0] - 3 * 0.8) < 0.001)
        #expect(abs(gaps[1] - 4.5 * 1.2) < 0.001)
        await monitor.stop()
    }

    @Test func atMostFourInFlightAndFivePerSecond() async {
        let start = time.now
        let poller = FakePoller(time: time, duration: 0.5)
        let monitor = monitor(poller)
        for index in 0..<20 { await monitor.follow(RequestID("r\(index)")) }
        await advanceToNextWake()  // t = 2: every request is due
        await poller.waitForStarts(4)
        #expect(await monitor.pollsInFlight == 4)
        while poller.starts.count < 20 { await advanceToNextWake() }
        #expect(poller.mostRunning == 4)
        let times = offsets(poller, from: start)
        #expect(times.filter { $0 < 3 }.count == 5, "the rate bound holds back the rest of the first second: \(times)")
        for time in times {
            #expect(times.filter { $0 >= time && $0 < time + 1 }.count <= 5, "starts at \(times)")
        }
        await monitor.stop()
    }

    @Test func boundsAreConfigurable() async {
        let start = time.now
        let poller = FakePoller(time: time, duration: 0.25)
        let monitor = monitor(poller) { $0 = MonitorConfiguration(maxInFlight: 2, maxPollsPerSecond: 3) }
        for index in 0..<8 { await monitor.follow(RequestID("r\(index)")) }
        while poller.starts.count < 8 { await advanceToNextWake() }
        #expect(poller.mostRunning == 2)
        let times = offsets(poller, from: start)
        for time in times {
            #expect(times.filter { $0 >= time && $0 < time + 1 }.count <= 3, "starts at \(times)")
        }
        await monitor.stop()
    }

    @Test func rateLimitPausesAllPollingUntilRetryAfter() async {
        let start = time.now
        let poller = FakePoller(time: time)
        poller.script("a", [.failure(.rateLimited(retryAfter: 10))])
        let monitor = monitor(poller)
        var updates = monitor.updates.makeAsyncIterator()
        await monitor.follow("a")
        time.advance(by: 0.5)
        await monitor.follow("b")
        await advanceToNextWake()  // t = 2: a is polled and answered 429
        #expect(await updates.next()?.unscheduled == .rateLimited(until: start.addingTimeInterval(12)))
        await time.waitForSleepers(1)
        #expect(time.nextDeadline == start.addingTimeInterval(12), "b, due at 2.5, waits for the pause")
        time.advance(to: start.addingTimeInterval(12))
        _ = await updates.next()?.unscheduled
        _ = await updates.next()?.unscheduled
        #expect(offsets(poller, from: start) == [2, 12, 12])
        await monitor.stop()
    }

    @Test func pollingStopsWhenTheRequestEnds() async {
        let poller = FakePoller(time: time)
        poller.script("a", [.success(FakePoller.pending("a")), FakePoller.succeeded("a")])
        poller.script("b", [FakePoller.failed("b", "account is private")])
        let monitor = monitor(poller)
        var updates = monitor.updates.makeAsyncIterator()
        await monitor.follow("a")
        await monitor.follow("b")
        await advanceToNextWake()
        var seen = [await updates.next()?.unscheduled, await updates.next()?.unscheduled]
        await advanceToNextWake()
        seen.append(await updates.next()?.unscheduled)
        #expect(seen.contains(.polled("a", FakePoller.pending("a"), nextPollAt: .distantPast)))
        #expect(seen.contains(.finished("b", try! FakePoller.failed("b", "account is private").get(), body: Data("body of b".utf8))))
        #expect(seen.last == .finished("a", try! FakePoller.succeeded("a").get(), body: Data("body of a".utf8)))
        #expect(await monitor.followedIDs.isEmpty)
        #expect(time.sleeperCount == 0, "nothing left to wake for")
        #expect(poller.starts.count == 3)
        await monitor.stop()
    }

    @Test func aFailedPollDoesNotEndTheFollowing() async {
        let poller = FakePoller(time: time)
        let problem = RefreshClientError.responseUnreadable(ResponseUnreadable(path: "", reason: "the body is empty"))
        poller.script("a", [.failure(problem), .success(FakePoller.pending("a")), FakePoller.succeeded("a")])
        let monitor = monitor(poller)
        var updates = monitor.updates.makeAsyncIterator()
        await monitor.follow("a")
        var seen: [MonitorUpdate?] = []
        for _ in 0..<3 {
            await advanceToNextWake()
            seen.append(await updates.next()?.unscheduled)
        }
        #expect(seen[0] == .pollFailed("a", problem, consecutiveFailures: 1, nextPollAt: .distantPast))
        #expect(seen[1] == .polled("a", FakePoller.pending("a"), nextPollAt: .distantPast))
        #expect(seen[2] == .finished("a", try! FakePoller.succeeded("a").get(), body: Data("body of a".utf8)))
        await monitor.stop()
    }

    @Test func failuresThatMayPassNeverEndTheFollowingButAnUnknownIDDoes() async {
        let start = time.now
        let poller = FakePoller(time: time)
        let transient = RefreshClientError.serverUnavailable(attempts: 4, lastProblem: "HTTP 503")
        poller.script("a", Array(repeating: .failure(transient), count: 20) + [FakePoller.succeeded("a")])
        poller.script("gone", [.failure(.requestNotFound("gone"))])
        let monitor = monitor(poller)
        var updates = monitor.updates.makeAsyncIterator()
        await monitor.follow("a")
        await monitor.follow("gone")
        await advanceToNextWake()  // t = 2: both are polled
        var seen = [await updates.next()?.unscheduled, await updates.next()?.unscheduled].compactMap { $0 }
        while seen.count < 22 {
            await advanceToNextWake()
            if let update = await updates.next()?.unscheduled { seen.append(update) }
        }
        let failures = seen.filter { if case .pollFailed = $0 { true } else { false } }.count
        #expect(seen.contains(.gaveUp("gone", .requestNotFound("gone"))), "an unknown id ends at once")
        #expect(poller.starts.filter { $0.id == "gone" }.count == 1)
        #expect(failures == 20, "twenty failures in a row, and still followed")
        #expect(seen.last == .finished("a", try! FakePoller.succeeded("a").get(), body: Data("body of a".utf8)))
        let gaps = zip(poller.starts.dropFirst(), poller.starts).filter { $0.0.id == "a" && $0.1.id == "a" }
            .map { $0.0.at.timeIntervalSince($0.1.at) }
        #expect(gaps.max() == 30, "failed polls back off to the 30 s ceiling, no further")
        #expect(time.now.timeIntervalSince(start) > 400)
        await monitor.stop()
    }

    @Test func stillPendingAfterTheDeadlineIsMarkedStaleAndKept() async {
        let start = time.now
        let poller = FakePoller(time: time)
        let monitor = monitor(poller) { $0.staleAfter = 20 }
        var updates = monitor.updates.makeAsyncIterator()
        await monitor.follow("a")
        var sawStale = false
        while !sawStale {
            await advanceToNextWake()
            #expect(await updates.next()?.unscheduled == .polled("a", FakePoller.pending("a"), nextPollAt: .distantPast))
            if time.now.timeIntervalSince(start) >= 20 {
                #expect(await updates.next()?.unscheduled == .stale("a"))
                sawStale = true
            }
        }
        #expect(time.now.timeIntervalSince(start) >= 20)
        #expect(await monitor.followedIDs == ["a"])
        let before = time.now
        await advanceToNextWake()
        #expect(time.now.timeIntervalSince(before) == 30, "stale requests are polled at the slowest pace")
        await monitor.stop()
    }

    @Test func requestSubmittedLongAgoIsPolledAtOnceAndFoundStale() async {
        let poller = FakePoller(time: time)
        let monitor = monitor(poller)
        var updates = monitor.updates.makeAsyncIterator()
        await monitor.follow("old", submittedAt: time.now.addingTimeInterval(-3600))
        #expect(await updates.next()?.unscheduled == .polled("old", FakePoller.pending("old"), nextPollAt: .distantPast))
        #expect(await updates.next()?.unscheduled == .stale("old"))
        #expect(poller.starts.first?.at == time.now)
        await monitor.stop()
    }

    @Test func unfollowAndPauseStopPolling() async {
        let start = time.now
        let poller = FakePoller(time: time)
        let monitor = monitor(poller)
        var updates = monitor.updates.makeAsyncIterator()
        await monitor.follow("a")
        await monitor.follow("b")
        await monitor.unfollow("b")
        await monitor.setPaused(true)
        #expect(time.sleeperCount == 0)
        time.advance(by: 60)
        #expect(poller.starts.isEmpty)
        await monitor.setPaused(false)
        #expect(await updates.next()?.unscheduled == .polled("a", FakePoller.pending("a"), nextPollAt: .distantPast))
        #expect(poller.starts.map(\.id) == ["a"])
        #expect(poller.starts.first?.at == start.addingTimeInterval(60))
        await monitor.stop()
        #expect(await updates.next()?.unscheduled == nil)
    }

    @Test func eachAnswerTellsWhenTheNextPollIsDue() async {
        let poller = FakePoller(time: time)
        let problem = RefreshClientError.serverUnavailable(attempts: 1, lastProblem: "HTTP 503")
        poller.script("a", [.success(FakePoller.pending("a")), .failure(problem)])
        let monitor = monitor(poller)
        var updates = monitor.updates.makeAsyncIterator()
        await monitor.follow("a")
        await advanceToNextWake()
        guard case .polled(_, _, let next)? = await updates.next() else { return #expect(Bool(false), "a poll") }
        await time.waitForSleepers()
        #expect(time.nextDeadline == next, "the monitor sleeps until the time it reported")
        await advanceToNextWake()
        guard case .pollFailed(_, _, _, let retry)? = await updates.next() else { return #expect(Bool(false), "a failure") }
        #expect(poller.starts.last?.at == next)
        #expect(retry > next)
        await monitor.stop()
    }
}

extension MonitorUpdate {
    /// The update with its next-poll time set aside, to compare what happened whatever the schedule.
    var unscheduled: MonitorUpdate {
        switch self {
        case .polled(let id, let record, _): .polled(id, record, nextPollAt: .distantPast)
        case .pollFailed(let id, let error, let failures, _):
            .pollFailed(id, error, consecutiveFailures: failures, nextPollAt: .distantPast)
        default: self
        }
    }
}
