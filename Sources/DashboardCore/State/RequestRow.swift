import Foundation
import RefreshAPI
import RefreshTracking

/// What the requests screen knows of one request.
public struct RequestRow: Hashable, Sendable, Identifiable {
    /// Where a row's request stands, as the store keeps it.
    public typealias Phase = TrackedState

    /// The store's number, stable from the intent on; negative for a submission shown before the store has it.
    public var id: Int64
    /// Whether this row is a submission the store has not written yet (``SubmissionsAwaitingStore``).
    public var isAwaitingStore: Bool { id < 0 }
    public var requestID: String?
    public var type: RequestType?
    public var typeName: String
    public var target: String
    public var phase: Phase
    /// The server's reason, what was seen, or the last error.
    public var detail: String?
    /// Polls that failed since the last answer: while some did, the detail is the last error.
    public var failedPolls: Int
    public var submittedAt: Date
    public var finishedAt: Date?
    public var followers: Int?
    public var creatorName: String?
    /// When the row last changed phase, to mark it for a few seconds.
    public var changedAt: Date?
    /// Who submitted it ("user@host"), when known.
    public var submittedBy: String?
    /// When it is asked about next, while it is followed.
    public var nextPollAt: Date?

    public init(
        id: Int64, requestID: String? = nil, type: RequestType?, typeName: String? = nil, target: String, phase: Phase,
        detail: String? = nil, failedPolls: Int = 0, submittedAt: Date, finishedAt: Date? = nil, followers: Int? = nil,
        creatorName: String? = nil, changedAt: Date? = nil, submittedBy: String? = nil, nextPollAt: Date? = nil
    ) {
        self.failedPolls = failedPolls
        self.id = id
        self.requestID = requestID
        self.type = type
        self.typeName = typeName ?? type?.rawValue ?? "?"
        self.target = target
        self.phase = phase
        self.detail = detail
        self.submittedAt = submittedAt
        self.finishedAt = finishedAt
        self.followers = followers
        self.creatorName = creatorName
        self.changedAt = changedAt
        self.submittedBy = submittedBy
        self.nextPollAt = nextPollAt
    }
}
