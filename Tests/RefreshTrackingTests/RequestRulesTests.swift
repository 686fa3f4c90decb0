import Foundation
import RefreshAPI
import RefreshTestSupport
import RefreshTracking
import Testing

/// The rulebook as code over records: what each event makes of a request, whichever store keeps it.
@Suite("The rules of a request's life")
struct RequestRulesTests {
    let date = StoreSamples.date
    let holder = LeaseHolder("alice@box 1 a")
    let target = RefreshTarget(uncheckedType: .instagram, value: "TheTatvaIndia")

    func pending() -> TrackedRequest {
        TrackedRequest.intent(target, at: date, holder: holder, leaseUntil: date + 45, submitter: "alice@box")
            .answered(StoreSamples.record("a", message: "pending", code: 201), holder: holder, leaseUntil: date + 45)
    }

    @Test func anEndedRequestNeverGoesBackAndAFinishRecordedTwiceAddsNothing() throws {
        let succeeded = try #require(pending().finished(StoreSamples.record("a", message: "success", followers: 5), at: date + 10))
        #expect(succeeded.state == .succeeded && succeeded.leaseHolder == nil, "nobody follows an ended request")
        #expect(succeeded.finished(StoreSamples.record("a", message: "success", followers: 6), at: date + 20) == nil)
        #expect(succeeded.polled(StoreSamples.record("a", message: "pending", code: 201), at: date + 30, nextPollAt: nil) == .ignored)
        #expect(succeeded.madeStale() == nil && succeeded.pollFailed("HTTP 503", gaveUp: true, nextPollAt: nil) == nil)
    }

    @Test func aPollThatChangesNothingShownLeavesTheRevision() throws {
        let request = pending()
        guard case .timesOnly(let polled) = request.polled(StoreSamples.record("a", message: "pending", code: 201), at: date + 5, nextPollAt: date + 9)
        else { Issue.record("the same answer again changes only the poll's times"); return }
        #expect(polled.lastPolledAt == date + 5 && polled.nextPollAt == date + 9)
        let stale = try #require(request.madeStale())
        guard case .timesOnly(let stillStale) = stale.polled(StoreSamples.record("a", message: "pending", code: 201), at: date + 6, nextPollAt: nil)
        else { Issue.record("a stale request still pending stays stale"); return }
        #expect(stillStale.state == .stale)
        let retrying = try #require(request.pollFailed("HTTP 503", gaveUp: false, nextPollAt: date + 7))
        guard case .changed(let answered) = retrying.polled(StoreSamples.record("a", message: "pending", code: 201), at: date + 8, nextPollAt: nil)
        else { Issue.record("an answer after failed polls clears them, and that shows"); return }
        #expect(answered.errorCount == 0)
    }

    @Test func anIntentWhoseLeaseRanOutBecomesOutcomeUnknown() {
        let intent = TrackedRequest.intent(target, at: date, holder: holder, leaseUntil: date + 45, submitter: "alice@box")
        #expect(intent.interrupted(at: date + 44) == nil, "its submitter may still be waiting for the server")
        let lost = intent.interrupted(at: date + 45)
        #expect(lost?.state == .unknown && lost?.detail?.contains("outcome unknown") == true && lost?.leaseHolder == nil)
        #expect(intent.submissionFailed(.outcomeUnknown("timed out"))?.detail == "submitted, outcome unknown (timed out); submit again if it does not appear")
        #expect(intent.submissionFailed(.tokenRejected(status: 401, serverMessage: nil)) == nil, "a POST certainly refused leaves nothing behind")
    }

    @Test func whatASubmissionJoins() throws {
        let now = date + 100
        let sameHandle = RefreshTarget(uncheckedType: .instagram, value: "thetatvaindia")
        #expect(pending().isJoinable(for: sameHandle, now: now, freshSince: now - 3600), "a handle whatever its case")
        let channel = RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")
        let otherChannel = RefreshTarget(uncheckedType: .youtube, value: "UCURYXOZQBVKN-ONUXNJH45Q")
        let channelRequest = TrackedRequest.intent(channel, at: date, holder: holder, leaseUntil: now + 1, submitter: "a")
        #expect(channelRequest.isJoinable(for: channel, now: now, freshSince: now))
        #expect(!channelRequest.isJoinable(for: otherChannel, now: now, freshSince: now), "channel ids are case-sensitive")
        #expect(!channelRequest.isJoinable(for: channel, now: now + 2, freshSince: now), "an intent whose lease ran out is not joined")
        let succeeded = try #require(pending().finished(StoreSamples.record("a", message: "success"), at: date + 10))
        let finished = try #require(succeeded.finishedAt)
        #expect(succeeded.isJoinable(for: target, now: now, freshSince: finished))
        #expect(!succeeded.isJoinable(for: target, now: now, freshSince: finished + 1), "older than the window")
    }

    @Test func followingEndsOnlyWhenTheTrackerGivesUp() throws {
        let failing = try #require(pending().pollFailed("HTTP 503", gaveUp: false, nextPollAt: date + 9))
        #expect(failing.state == .pending && failing.errorCount == 1 && failing.detail == "HTTP 503")
        let ended = try #require(failing.pollFailed("HTTP 503", gaveUp: true, nextPollAt: nil))
        #expect(ended.state == .unknown && ended.detail == "following ended: HTTP 503" && ended.leaseHolder == nil)
        #expect(ended.resumed()?.state == .pending, "watch ID follows it again")
        #expect(failing.resumed() == nil)
    }
}
