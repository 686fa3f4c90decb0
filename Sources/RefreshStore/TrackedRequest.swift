import Foundation
import GRDB
import RefreshAPI

/// Where a tracked request stands, as the store keeps it.
public enum TrackedState: String, CaseIterable, Sendable, DatabaseValueConvertible {
    /// The intent to submit is written; the POST has not answered yet.
    case submitting
    /// The server is working on it.
    case pending
    case succeeded
    case failed
    /// Still pending past the monitor's deadline; still followed.
    case stale
    /// The server's status could not be understood, or the submission's outcome is unknown.
    case unknown

    /// States the monitor follows.
    public var isFollowed: Bool { self == .pending || self == .stale }

    init(_ state: RefreshState) {
        switch state {
        case .pending: self = .pending
        case .succeeded: self = .succeeded
        case .failed: self = .failed
        case .unknown: self = .unknown
        }
    }
}

/// One request the analyst submitted or followed, with its latest known state and
/// the decoded figures lists show without reopening the response.
public struct TrackedRequest: Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "request"

    /// The store's own number for the request (known before the server gives an id).
    public var id: Int64?
    /// The server's request id; nil until the POST answers.
    public var requestID: String?
    public var requestType: String
    public var targetValue: String
    public var state: TrackedState
    public var statusCode: Int?
    public var statusMessage: String?
    /// The server's reason for a failure, what was seen for an unknown status, or the last error.
    public var detail: String?
    public var submittedAt: Date
    public var serverRequestAt: Date?
    public var finishedAt: Date?
    public var lastPolledAt: Date?
    public var nextPollAt: Date?
    public var errorCount: Int
    /// The process that wrote the intent, to tell an interrupted submission from one under way.
    public var ownerPID: Int32?
    public var creatorName: String?
    public var followers: Int?

    public init(
        id: Int64? = nil, requestID: String? = nil, requestType: String, targetValue: String, state: TrackedState,
        submittedAt: Date, errorCount: Int = 0, ownerPID: Int32? = nil
    ) {
        self.id = id
        self.requestID = requestID
        self.requestType = requestType
        self.targetValue = targetValue
        self.state = state
        self.submittedAt = submittedAt
        self.errorCount = errorCount
        self.ownerPID = ownerPID
    }

    /// The target, as submitted.
    public var target: RefreshTarget? {
        RequestType(rawValue: requestType).map { RefreshTarget(uncheckedType: $0, value: targetValue) }
    }

    // Columns are read and written by hand: lists of ten thousand requests load
    // several times faster than through Codable.
    public init(row: Row) throws {
        id = row["id"]
        requestID = row["request_id"]
        requestType = row["request_type"]
        targetValue = row["target_value"]
        state = TrackedState(rawValue: row["state"]) ?? .unknown
        statusCode = row["status_code"]
        statusMessage = row["status_message"]
        detail = row["detail"]
        submittedAt = Date(timeIntervalSince1970: row["submitted_at"])
        serverRequestAt = Self.date(row["server_request_at"])
        finishedAt = Self.date(row["finished_at"])
        lastPolledAt = Self.date(row["last_polled_at"])
        nextPollAt = Self.date(row["next_poll_at"])
        errorCount = row["error_count"]
        ownerPID = row["owner_pid"]
        creatorName = row["creator_name"]
        followers = row["followers"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["request_id"] = requestID
        container["request_type"] = requestType
        container["target_value"] = targetValue
        container["state"] = state.rawValue
        container["status_code"] = statusCode
        container["status_message"] = statusMessage
        container["detail"] = detail
        container["submitted_at"] = submittedAt.timeIntervalSince1970
        container["server_request_at"] = serverRequestAt?.timeIntervalSince1970
        container["finished_at"] = finishedAt?.timeIntervalSince1970
        container["last_polled_at"] = lastPolledAt?.timeIntervalSince1970
        container["next_poll_at"] = nextPollAt?.timeIntervalSince1970
        container["error_count"] = errorCount
        container["owner_pid"] = ownerPID
        container["creator_name"] = creatorName
        container["followers"] = followers
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    private static func date(_ seconds: Double?) -> Date? {
        seconds.map(Date.init(timeIntervalSince1970:))
    }
}
