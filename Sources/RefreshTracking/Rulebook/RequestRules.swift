import Foundation
import RefreshAPI

/// The rules of a request's life, the same for every store: what each event makes of the request as it is.
extension TrackedRequest {
    /// The intent to submit `target`, written before the POST, held by `holder` until `leaseUntil`.
    public static func intent(
        _ target: RefreshTarget, at date: Date, holder: LeaseHolder, leaseUntil: Date, submitter: String
    ) -> TrackedRequest {
        TrackedRequest(
            requestType: target.type.rawValue, targetValue: target.value, state: .submitting, submittedAt: date,
            leaseHolder: holder, leaseExpiresAt: leaseUntil, submittedBy: submitter)
    }

    /// A request known by its server id alone (`watch ID`): type and target come with the first answer.
    public static func followed(_ id: RequestID, at date: Date) -> TrackedRequest {
        TrackedRequest(requestID: id.rawValue, requestType: "", targetValue: "", state: .pending, submittedAt: date)
    }

    /// Whether a submission of `target` joins this request instead of sending one: the same target (a handle
    /// whatever its case; ids, shortcodes and channel ids exactly), and being submitted under a live lease,
    /// pending or stale, or succeeded at or after `freshSince`.
    public func isJoinable(for target: RefreshTarget, now: Date, freshSince: Date) -> Bool {
        guard requestType == target.type.rawValue, targetValue.lowercased() == target.value.lowercased(),
            target.type == .instagram || targetValue == target.value
        else { return false }
        switch state {
        case .submitting: return leaseExpiresAt.map { $0 > now } ?? false
        case .pending, .stale: return true
        case .succeeded: return finishedAt.map { $0 >= freshSince } ?? false
        case .failed, .unknown: return false
        }
    }

    /// The POST answered: the server's id and state; with a `holder`, that tracker follows it.
    public func answered(_ record: RefreshRecord, holder: LeaseHolder?, leaseUntil: Date?) -> TrackedRequest {
        var request = self
        request.requestID = record.requestID.rawValue
        request.apply(record)
        request.leaseHolder = holder
        request.leaseExpiresAt = holder == nil ? nil : leaseUntil
        return request
    }

    /// The POST failed: kept as "outcome unknown" when it may have reached the server (nothing silently lost,
    /// nothing silently sent twice); nil when the server certainly created nothing, and the intent goes.
    public func submissionFailed(_ error: RefreshClientError) -> TrackedRequest? {
        guard case .outcomeUnknown(let problem) = error else { return nil }
        return outcomeUnknown("submitted, outcome unknown (\(problem)); submit again if it does not appear")
    }

    /// An intent whose submitter's lease ran out at `now` (it stopped before the server answered) becomes "outcome
    /// unknown"; nil for any other request.
    public func interrupted(at now: Date) -> TrackedRequest? {
        guard state == .submitting, leaseExpiresAt.map({ $0 <= now }) ?? true else { return nil }
        return outcomeUnknown("submitted, outcome unknown (ylytic stopped before the server answered); submit again")
    }

    private func outcomeUnknown(_ why: String) -> TrackedRequest {
        var request = self
        request.state = .unknown
        request.leaseHolder = nil
        request.leaseExpiresAt = nil
        request.detail = why
        return request
    }

    /// Followed again by id (`watch ID`) after following ended without an answer; nil unless it is unknown.
    public func resumed() -> TrackedRequest? {
        guard state == .unknown else { return nil }
        var request = self
        request.state = .pending
        request.detail = nil
        request.errorCount = 0
        return request
    }

    /// What a poll that did not end the request makes of it.
    public enum PollOutcome: Sendable, Equatable {
        /// The request has ended: nothing a poll says changes it.
        case ignored
        /// Only the poll's times changed: nothing another process shows, so the revision stays.
        case timesOnly(TrackedRequest)
        /// Something shown changed.
        case changed(TrackedRequest)
    }

    /// A poll answered `record` at `date` without ending the request. An ended request never goes back; a stale
    /// one that is still pending stays stale.
    public func polled(_ record: RefreshRecord, at date: Date, nextPollAt: Date?) -> PollOutcome {
        guard state != .succeeded, state != .failed else { return .ignored }
        var request = self
        request.apply(record)
        if state == .stale, request.state == .pending { request.state = .stale }
        request.lastPolledAt = date
        request.nextPollAt = nextPollAt
        request.errorCount = 0
        var shown = request
        shown.lastPolledAt = lastPolledAt
        shown.nextPollAt = self.nextPollAt
        shown.serverRequestAt = serverRequestAt
        return shown == self ? .timesOnly(request) : .changed(request)
    }

    /// The request ended with `record`, seen at `date`; nil when it had ended already (a finish recorded twice adds
    /// nothing) or was never followed.
    public func finished(_ record: RefreshRecord, at date: Date) -> TrackedRequest? {
        guard state.isFollowed || state == .unknown else { return nil }
        var request = self
        request.finish(with: record, at: date)
        return request
    }

    /// Still pending past the deadline; nil unless it is pending.
    public func madeStale() -> TrackedRequest? {
        guard state == .pending else { return nil }
        var request = self
        request.state = .stale
        return request
    }

    /// A poll failed with `message`; when `gaveUp`, following ends with it. Nil unless it is followed.
    public func pollFailed(_ message: String, gaveUp: Bool, nextPollAt: Date?) -> TrackedRequest? {
        guard state.isFollowed else { return nil }
        var request = self
        request.errorCount += 1
        request.detail = gaveUp ? "following ended: \(message)" : message
        request.nextPollAt = nextPollAt
        if gaveUp {
            request.state = .unknown
            request.leaseHolder = nil
            request.leaseExpiresAt = nil
        }
        return request
    }
}

/// Tombstones of forgotten requests: how long they are kept for the change feed.
public enum Tombstones {
    /// A reader that has not read the changes for this long reads everything again.
    public static let lifetime: TimeInterval = 86_400
}
