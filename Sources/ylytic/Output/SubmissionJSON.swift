import Foundation
import RefreshAPI
import RefreshTracking

/// What `refresh --json` prints without `--wait`: one shape whether the request was sent or joined, every key
/// present (null when unknown). The request's server id and the store's number, its state and the server's words,
/// whether it was joined rather than sent, and who submitted it when.
struct SubmissionJSON: Encodable {
    let requestID: String?
    let localID: Int64?
    let state: String
    let detail: String?
    let joined: Bool
    let submittedBy: String?
    let submittedAt: Date

    init(_ request: TrackedRequest, joined: Bool) {
        requestID = request.requestID
        localID = request.id
        state = request.state.rawValue
        detail = request.detail
        self.joined = joined
        submittedBy = request.submittedBy
        submittedAt = request.submittedAt
    }

    /// A request just sent, as the server answered it, when the store cannot be read back.
    init(sent record: RefreshRecord, at date: Date) {
        requestID = record.requestID.rawValue
        localID = nil
        state = TrackedState(record.state).rawValue
        detail = record.state.detail
        joined = false
        submittedBy = nil
        submittedAt = date
    }

    enum CodingKeys: String, CodingKey {
        case requestID = "request_id", localID = "local_id", state, detail, joined, submittedBy = "submitted_by"
        case submittedAt = "submitted_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(requestID, forKey: .requestID)
        try container.encode(localID, forKey: .localID)
        try container.encode(state, forKey: .state)
        try container.encode(detail, forKey: .detail)
        try container.encode(joined, forKey: .joined)
        try container.encode(submittedBy, forKey: .submittedBy)
        try container.encode(submittedAt, forKey: .submittedAt)
    }
}
