import Foundation
import RefreshAPI
import RefreshTracking

/// Requests and answers that store tests share.
public enum StoreSamples {
    public static let date = Date(timeIntervalSince1970: 1_750_000_000)
    public static let holder = LeaseHolder("test-holder")

    public static func record(_ id: String, message: String, code: Int = 200, followers: Int? = nil, handle: String = "thetatvaindia",
        type: RequestType = .instagram) -> RefreshRecord
    {
        let report = followers.map {
            CreatorReport(
                posts: Posts(video: [Post(shortcode: "v1", caption: "a, \"quoted\"\ncaption #ad", likes: 5, views: 9, sponsored: true, hashtags: ["#ad"])],
                    nonVideo: [Post(shortcode: "p1", caption: "plain", likes: 3)]),
                profileDetails: ProfileDetails(fullName: "Anurag Gupta"),
                profileOverview: ProfileOverview(handle: handle, followers: $0, following: 10, posts: 2, engagement: 1.5, tier: nil))
        }
        return RefreshRecord(
            requestID: RequestID(id), request: EchoedRequest(RefreshTarget(uncheckedType: type, value: handle)),
            response: report, status: RefreshStatus(code: code, message: message, requestAt: date))
    }
}

extension TrackingStore {
    /// Submits `record`'s target (intent, then a pending answer) and records it finished, as a tracker would.
    public func recordSubmittedAndFinished(_ record: RefreshRecord, body: Data, at date: Date) async throws {
        guard let target = record.request?.target else { throw ForcedIntentJoined() }
        let local = try await recordIntent(target, at: date, holder: StoreSamples.holder, leaseUntil: date + 45)
        let pending = RefreshRecord(
            requestID: record.requestID, request: record.request, status: RefreshStatus(code: 201, message: "pending"))
        try await recordSubmission(local, pending, holder: nil, leaseUntil: nil)
        try await recordFinished(record, body: body, at: date)
    }
}
