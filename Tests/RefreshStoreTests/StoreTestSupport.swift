import Foundation
import Testing
import RefreshAPI
import RefreshStore
import RefreshTracking

/// A fresh folder for one test's store, removed by `cleanUp()`.
struct TemporaryStore {
    let folder: URL
    var url: URL { folder.appendingPathComponent("state/ylytic.sqlite") }

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-store-\(UUID().uuidString)")
    }

    func open() throws -> RefreshStore {
        try RefreshStore(url: url)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }
}

enum StoreSamples {
    static let date = Date(timeIntervalSince1970: 1_750_000_000)
    static let holder = LeaseHolder("test-holder")

    static func record(_ id: String, message: String, code: Int = 200, followers: Int? = nil, handle: String = "thetatvaindia",
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

extension RefreshStore {
    /// Submits `record`'s target (intent, then a pending answer) and records it finished, as a tracker would.
    func recordSubmittedAndFinished(_ record: RefreshRecord, body: Data, at date: Date) async throws {
        let target = try #require(record.request?.target)
        let local = try await recordIntent(target, at: date, holder: StoreSamples.holder, leaseUntil: date + 45)
        let pending = RefreshRecord(
            requestID: record.requestID, request: record.request, status: RefreshStatus(code: 201, message: "pending"))
        try await recordSubmission(local, pending, holder: nil, leaseUntil: nil)
        try await recordFinished(record, body: body, at: date)
    }
}
