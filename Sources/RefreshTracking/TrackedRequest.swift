import Foundation
import RefreshAPI

/// One request the analyst submitted or followed, with its latest known state and
/// the decoded figures lists show without reopening the response.
public struct TrackedRequest: Hashable, Sendable {
    /// The store's own number for the request (known before the server gives an id).
    public var id: Int64?
    /// The server's request id; nil until the POST answers.
    public var requestID: String?
    /// The request type as submitted or echoed; empty while a request followed by id alone has not answered yet.
    public var requestType: String
    public var targetValue: String
    public var state: TrackedState
    public var statusCode: Int?
    public var statusMessage: String?
    /// The server's reason for a failure, what was seen for a status not understood, or the last error.
    public var detail: String?
    public var submittedAt: Date
    public var serverRequestAt: Date?
    public var finishedAt: Date?
    public var lastPolledAt: Date?
    public var nextPollAt: Date?
    /// Polls that failed since the last answer.
    public var errorCount: Int
    /// The tracker that follows the request (or is submitting it), while its lease lasts.
    public var leaseHolder: LeaseHolder?
    public var leaseExpiresAt: Date?
    public var creatorName: String?
    public var followers: Int?
    /// Who submitted it ("user@host"); nil when it was followed by id alone or recorded by an earlier ylytic.
    public var submittedBy: String?

    public init(
        id: Int64? = nil, requestID: String? = nil, requestType: String, targetValue: String, state: TrackedState,
        submittedAt: Date, errorCount: Int = 0, leaseHolder: LeaseHolder? = nil, leaseExpiresAt: Date? = nil,
        submittedBy: String? = nil
    ) {
        self.id = id
        self.requestID = requestID
        self.requestType = requestType
        self.targetValue = targetValue
        self.state = state
        self.submittedAt = submittedAt
        self.errorCount = errorCount
        self.leaseHolder = leaseHolder
        self.leaseExpiresAt = leaseExpiresAt
        self.submittedBy = submittedBy
    }

    /// The target, as submitted.
    public var target: RefreshTarget? {
        RequestType(rawValue: requestType).map { RefreshTarget(uncheckedType: $0, value: targetValue) }
    }

    /// Whether `holder` follows the request now.
    public func isHeld(by holder: LeaseHolder, at now: Date) -> Bool {
        leaseHolder == holder && (leaseExpiresAt.map { $0 > now } ?? false)
    }

    /// Whether a tracker may take the request over: followed, with no holder or a lease that ran out.
    public func isClaimable(at now: Date) -> Bool {
        requestID != nil && state.isFollowed && (leaseHolder == nil || (leaseExpiresAt.map { $0 <= now } ?? true))
    }

    /// Whether anything of the row came from the server: false for a request known by id alone and not yet
    /// polled, whose state is only the tracker's guess.
    public var isHeardFrom: Bool {
        statusCode != nil || statusMessage != nil || state != .pending
    }

    /// The server's answer as far as the row knows it: id, request, status (no creator data). The server's
    /// `response_at` is not kept in the row (``finishedAt`` is this store's clock), so it is absent here.
    public var record: RefreshRecord? {
        guard let requestID else { return nil }
        return RefreshRecord(
            requestID: RequestID(requestID), request: target.map(EchoedRequest.init),
            status: RefreshStatus(code: statusCode, message: statusMessage, requestAt: serverRequestAt))
    }
}

extension TrackedRequest {
    /// The state and status fields of an answer; the type and target too, for a request known by id alone.
    public mutating func apply(_ record: RefreshRecord) {
        let state = record.state
        self.state = TrackedState(state)
        statusCode = record.status?.code
        statusMessage = record.status?.message
        serverRequestAt = record.status?.requestAt ?? serverRequestAt
        detail = state.detail
        if requestType.isEmpty, let target = record.request?.target {
            requestType = target.type.rawValue
            targetValue = target.value
        }
    }

    /// The request ended with `record`, seen at `date`: its state, when it finished by this store's clock (what
    /// "fresh" and "stale" count from: a server's `response_at` may be any time, and is shown from the response,
    /// never compared), the figures lists show, and no lease (nobody follows an ended request).
    public mutating func finish(with record: RefreshRecord, at date: Date) {
        apply(record)
        finishedAt = date
        lastPolledAt = date
        nextPollAt = nil
        errorCount = 0
        leaseHolder = nil
        leaseExpiresAt = nil
        creatorName = record.response?.profileDetails?.fullName
        followers = record.response?.profileOverview?.followers
    }
}
