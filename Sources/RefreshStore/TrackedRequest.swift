import Foundation
import GRDB
import RefreshAPI

/// Where a tracked request stands, as the store keeps it.
public enum TrackedState: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
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
public struct TrackedRequest: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "request"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseDateEncodingStrategy = DatabaseDateEncodingStrategy.timeIntervalSince1970
    public static let databaseDateDecodingStrategy = DatabaseDateDecodingStrategy.timeIntervalSince1970

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

    /// The target, as submitted.
    public var target: RefreshTarget? {
        RequestType(rawValue: requestType).map { RefreshTarget(uncheckedType: $0, value: targetValue) }
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    enum CodingKeys: String, CodingKey {
        case id, requestID = "requestId", requestType, targetValue, state, statusCode, statusMessage, detail
        case submittedAt, serverRequestAt, finishedAt, lastPolledAt, nextPollAt, errorCount
        case ownerPID = "ownerPid", creatorName, followers
    }
}
