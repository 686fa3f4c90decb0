import Foundation
import RefreshAPI
import RefreshTestSupport
import RefreshTracking
import Testing

@Suite("A roster summed up")
struct RosterSummaryTests {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    private func member(_ handle: String, followers: Int) -> RosterMember {
        RosterMember(
            target: RefreshTarget(uncheckedType: .instagram, value: handle), addedAt: Self.date,
            creator: StoredCreator(platform: "instagram", key: handle, followers: followers, lastRefreshedAt: Self.date))
    }

    @Test func followersPastAnyCreatorsAreHeldAtTheLargestTotalNeverOverflowing() {
        let summary = RosterSummary(
            members: [member("a", followers: Int.max), member("b", followers: 10), member("c", followers: Int.max)],
            maxAge: nil, at: Self.date)
        #expect(summary.totalFollowers == Int.max)
        let normal = RosterSummary(members: [member("a", followers: 5), member("b", followers: 10)], maxAge: nil, at: Self.date)
        #expect(normal.totalFollowers == 15)
    }
}
