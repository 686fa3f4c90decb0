import Foundation
import RefreshAPI
import Testing
@testable import DashboardCore

@Suite("Creator panels at 80x24, 120x40 and 200x60")
struct CreatorPanelsTests {
    let reducer = DashboardReducer()
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    static func youTubeChannel() -> RefreshRecord {
        let start = CalendarDate(year: 2025, month: 11, day: 1)!.daysSinceEpoch
        var followers: [TrendPoint] = []
        var engagement: [TrendPoint] = []
        for index in 0..<90 {
            let day: Int = start + index * 4 + index % 3
            let date = CalendarDate(daysSinceEpoch: day)
            let subscribers: Double = 88_000 + Double(index * index) * 0.4
            let rate: Double = 4 + sin(Double(index) / 6)
            followers.append(TrendPoint(date: date, value: subscribers))
            engagement.append(TrendPoint(date: date, value: rate))
        }
        var videos: [Post] = []
        for index in 0..<12 {
            let likes: Int = 900 + index * 37
            let comments: Int = 40 + index
            let views: Int = 21_000 + index * 1_300
            let rate: Double = Double(likes + comments) / Double(views) * 100
            let sponsored = index % 4 == 0
            let caption = sponsored ? "New video: 日本 trip vlog #travel #sponsored" : "Weekly update #\(index) #tech"
            videos.append(
                Post(
                    shortcode: "yt\(index)abcdefg", postedDate: CalendarDate(daysSinceEpoch: start + 360 - index * 9),
                    caption: caption, likes: likes, comments: comments, views: views, engagement: rate,
                    sponsored: sponsored, hashtags: sponsored ? ["#travel", "#sponsored"] : ["#tech"]))
        }
        return RefreshRecord(
            requestID: "65b87c8576c9b42b3a285811",
            request: EchoedRequest(RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")),
            response: CreatorReport(
                growthTrends: GrowthTrends(
                    followers: followers, engagement: engagement, monthlyFollowersGrowth: 1.42,
                    quarterlyFollowersGrowth: 4.8, yearlyFollowersGrowth: 12.9, monthlyEngagementGrowth: -0.3,
                    quarterlyEngagementGrowth: 0.2, yearlyEngagementGrowth: -1.1),
                posts: Posts(video: videos),
                profileDetails: ProfileDetails(fullName: "Rohan Mehta Tech", category: "Technology", country: "India"),
                profileOverview: ProfileOverview(
                    channelID: "UCurYxozQbvKn-oNUxNJh45Q", followers: 91_238, posts: 412, engagement: 4.35,
                    contentPerWeek: 2.5)),
            status: RefreshStatus(code: 200, message: "success"))
    }

    @Test(arguments: sizes)
    func instagramCreator(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "panel-instagram-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func youTubeChannel(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: Self.youTubeChannel())))
        let text = DashboardView().render(state).text
        #expect(text.contains("Subscribers"))
        #expect(!text.contains("Followers"), "a channel has subscribers in every section, trends included")
        #expect(text.contains("interactions per view"))
        #expect(text.contains("micro (derived)"), "no tier sent: derived from 91,238 subscribers")
        try DashboardFixtures.expectScreen(text, named: "panel-youtube-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func failedAndPendingRequests(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .key(.character("/")))
        for character in "private" { _ = reducer.reduce(&state, .key(.character(character))) }
        _ = reducer.reduce(&state, .key(.enter))
        _ = reducer.reduce(&state, .key(.enter))
        let failed = DashboardView().render(state).text
        #expect(failed.contains("this account is private"))
        #expect(failed.contains("private_studio"), "the request as sent")
        try DashboardFixtures.expectScreen(failed, named: "panel-failed-\(width)x\(height)")
        _ = reducer.reduce(&state, .key(.escape))
        _ = reducer.reduce(&state, .key(.escape))
        _ = reducer.reduce(&state, .key(.character("g")))
        _ = reducer.reduce(&state, .key(.enter))
        let pending = DashboardView().render(state).text
        #expect(pending.contains("pending 40s"))
        try DashboardFixtures.expectScreen(pending, named: "panel-pending-\(width)x\(height)")
    }
}
