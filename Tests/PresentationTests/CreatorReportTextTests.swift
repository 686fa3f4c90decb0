import RefreshAPI
import Testing
@testable import Presentation

@Suite("The report of `ylytic show`")
struct CreatorReportTextTests {
    @Test func topPostsAreTheMostEngagingVideosAndPhotosInTheOrderASortWouldGive() {
        let posts = Posts(
            video: [
                Post(shortcode: "v-low", caption: "v-low", engagement: 0.1),
                Post(shortcode: "v-tie-first", caption: "v-tie-first", engagement: 5),
                Post(shortcode: "v-none", caption: "v-none"),
                Post(shortcode: "v-best", caption: "v-best", engagement: 9),
            ],
            nonVideo: [
                Post(shortcode: "p-tie-second", caption: "p-tie-second", engagement: 5),
                Post(shortcode: "p-mid", caption: "p-mid", engagement: 2),
            ])
        let record = RefreshRecord(
            requestID: "65b87c8576c9b42b3a285809", response: CreatorReport(posts: posts),
            status: RefreshStatus(code: 200, message: "success"))
        let text = CreatorReportText(width: 120, topPosts: 4).lines(for: record).map(\.description)

        #expect(text.contains("Top posts by engagement (4 of 6)"))
        let listed = text.compactMap { line in
            ["v-best", "v-tie-first", "p-tie-second", "p-mid", "v-low", "v-none"].first { line.hasSuffix($0) }
        }
        #expect(listed == ["v-best", "v-tie-first", "p-tie-second", "p-mid"])
        #expect(text.contains { $0.contains("video") && $0.hasSuffix("v-best") })
        #expect(text.contains { $0.contains("photo") && $0.hasSuffix("p-mid") })
    }

    @Test func bestPicksWithoutSortingEverything() {
        let scores: [Double] = [3, -1, 7, 7, 0, 12, 7]
        #expect(CreatorReportText.best(3, of: scores.count) { scores[$0] } == [5, 2, 3])
        #expect(CreatorReportText.best(10, of: scores.count) { scores[$0] } == [5, 2, 3, 6, 0, 4, 1])
        #expect(CreatorReportText.best(0, of: scores.count) { scores[$0] }.isEmpty)
        #expect(CreatorReportText.best(2, of: 0) { _ in 1 }.isEmpty)
    }
}
