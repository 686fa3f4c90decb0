import Foundation
import RefreshAPI
import Testing
@testable import DashboardCore

enum DashboardFixtures {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static let rows: [RequestRow] = [
        RequestRow(
            id: 1, requestID: "65b87c8576c9b42b3a285801", type: .instagram, target: "thetatvaindia", phase: .succeeded,
            submittedAt: now - 600, finishedAt: now - 580, followers: 10_001, creatorName: "Anurag Gupta"),
        RequestRow(
            id: 2, requestID: "65b87c8576c9b42b3a285802", type: .youtube, target: "UCurYxozQbvKn-oNUxNJh45Q",
            phase: .pending, submittedAt: now - 42),
        RequestRow(
            id: 3, requestID: "65b87c8576c9b42b3a285803", type: .instagram, target: "private_studio", phase: .failed,
            detail: "failed: this account is private", submittedAt: now - 300, finishedAt: now - 290),
        RequestRow(
            id: 4, requestID: "65b87c8576c9b42b3a285804", type: .instagramPost, target: "DHGIoX0y3f3", phase: .stale,
            submittedAt: now - 2_400),
        RequestRow(
            id: 5, type: .youtubePost, target: "iwIeyWv2ABI", phase: .unknown,
            detail: "submitted, outcome unknown (timed out); submit again", submittedAt: now - 120),
        RequestRow(
            id: 6, requestID: "65b87c8576c9b42b3a285806", type: .instagramID, target: "2121125346", phase: .succeeded,
            submittedAt: now - 7_200, finishedAt: now - 7_180, followers: 2_450_000, creatorName: "東京 カフェ 🍵",
            changedAt: now - 2),
    ]

    static let creators: [CreatorRow] = [
        CreatorRow(
            id: 1, platform: .instagram, key: "thetatvaindia", handle: "thetatvaindia", name: "Anurag Gupta", tier: "micro",
            followers: 10_001, engagement: 1.1, contentPerWeek: 1.2, followerChange: 251, lastRefreshedAt: now - 580,
            latestRequestID: "65b87c8576c9b42b3a285801"),
        CreatorRow(
            id: 2, platform: .youtube, key: "UCurYxozQbvKn-oNUxNJh45Q", handle: nil, name: "Rohan Mehta", tier: "nano",
            followers: 1_540, engagement: 4.2, contentPerWeek: 0.5, followerChange: -12, lastRefreshedAt: now - 7_000,
            latestRequestID: "65b87c8576c9b42b3a285807"),
        CreatorRow(
            id: 3, platform: .instagram, key: "tokyocafe", handle: "tokyocafe", name: "東京 カフェ 🍵", tier: "mega",
            followers: 2_450_000, engagement: 0.9, contentPerWeek: 7, lastRefreshedAt: now - 7_180,
            latestRequestID: "65b87c8576c9b42b3a285806"),
    ]

    static func state(width: Int, height: Int, settings: DashboardSettings = DashboardSettings()) -> DashboardState {
        var state = DashboardState(now: now, source: "demo simulator", settings: settings)
        let reducer = DashboardReducer()
        _ = reducer.reduce(&state, .resize(width: width, height: height))
        _ = reducer.reduce(&state, .loaded(rows))
        _ = reducer.reduce(&state, .creatorsLoaded(creators))
        return state
    }

    /// Compares a screen with its reference file; `YLYTIC_RECORD=1` writes the file instead.
    static func expectScreen(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("References/\(name).txt")
        if ProcessInfo.processInfo.environment["YLYTIC_RECORD"] == "1" {
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let reference = try String(contentsOf: url, encoding: .utf8)
        #expect(text + "\n" == reference, "screen \(name) differs from its reference", sourceLocation: sourceLocation)
    }
}
