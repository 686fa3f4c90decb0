import Foundation
import Testing
@testable import Presentation
import RefreshAPI

/// The figures of a creator's posts: medians found by selection agree with sorting, whatever the order of the
/// values, and counts near the largest integer give a figure, not a crash.
@Suite("Posting activity")
struct PostingActivityTests {
    private func sortedMedian(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (Double(sorted[middle - 1]) + Double(sorted[middle])) / 2 : Double(sorted[middle])
    }

    @Test func mediansAgreeWithSortingWhateverTheOrder() {
        var state: UInt64 = 2_026
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for count in 0..<300 {
            let spread = [1, 3, 50, 1_000_000][count % 4]
            let random = (0..<count).map { _ in next(spread) - spread / 2 }
            for values in [random, random.sorted(), random.sorted().reversed(), Array(repeating: 7, count: count)] {
                #expect(PostingActivity.median(values) == sortedMedian(values), "\(values)")
            }
        }
    }

    @Test func selectionPutsTheValueWhereSortingWouldWithSmallerBeforeAndLargerAfter() {
        // Many equal values and an organ-pipe order: orders that make a naive quickselect split badly.
        let values = (0..<2_001).map { $0 < 1_000 ? $0 % 3 : 2_000 - $0 }
        for k in [0, 1, 999, 1_000, 1_001, 2_000] {
            var rearranged = values
            let value = PostingActivity.select(k, in: &rearranged)
            #expect(value == values.sorted()[k])
            #expect(rearranged[..<k].allSatisfy { $0 <= value } && rearranged[(k + 1)...].allSatisfy { $0 >= value })
            #expect(rearranged.sorted() == values.sorted())
        }
    }

    @Test(arguments: ["spec-get-response.json", "scripts-get-response.json"])
    func aComparisonOfFiguresReadWithoutThePostsTextIsTheSame(fixture: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(fixture)")
        let body = try Data(contentsOf: url)
        let activity = { (record: RefreshRecord) in
            record.response?.posts.map { PostingActivity(posts: $0, trends: record.response?.growthTrends) }
        }
        let whole = activity(try RefreshRecordDecoder.decode(body))
        let figures = activity(try RefreshRecordDecoder.decode(body, parts: .postFigures))
        #expect(whole?.medianLikes != nil, "the posts are there, with their likes")
        #expect(figures == whole)
    }

    @Test func countsNearTheLargestIntegerGiveAMedianRatherThanACrash() {
        #expect(PostingActivity.median([Int.max, Int.max]) == Double(Int.max))
        #expect(PostingActivity.median([Int.min, Int.min]) == Double(Int.min))
        #expect(PostingActivity.median([1, 2]) == 1.5, "the mean of the middle two, not truncated")
        #expect(PostingActivity.median([3, 1, 2, 10]) == 2.5)
        let posts = Posts(video: [
            Post(postedDate: CalendarDate(year: 2024, month: 1, day: 2), likes: Int.max, views: Int.max),
            Post(postedDate: CalendarDate(year: 2024, month: 1, day: 3), likes: Int.max, views: Int.max - 1),
        ])
        let activity = PostingActivity(posts: posts, trends: nil)
        #expect(activity.medianLikes == Double(Int.max))
        // Int.max - 0.5, as near as a Double comes: the point is a median, not a crash.
        #expect(activity.medianViews.map { $0 > 9.2e18 } == true)
    }
}
