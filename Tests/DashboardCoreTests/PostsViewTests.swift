import Foundation
import RefreshAPI
import Testing
@testable import DashboardCore

@Suite("Posts table")
struct PostsViewTests {
    let reducer = DashboardReducer()

    static func manyPosts() -> Posts {
        let videos = (0..<20_000).map { index in
            Post(
                shortcode: "v\(index)", postedDate: CalendarDate(daysSinceEpoch: 19_000 + index % 700),
                caption: index % 7 == 0 ? "Paid partnership #ad \(index)" : "day \(index) #travel",
                likes: (index * 7_919) % 100_000, comments: index % 300, views: (index * 104_729) % 1_000_000,
                engagement: Double(index % 997) / 100, sponsored: index % 7 == 0,
                hashtags: index % 7 == 0 ? ["#ad"] : ["#travel"])
        }
        return Posts(video: videos, nonVideo: [Post(shortcode: "p1", caption: "photo", likes: 3)])
    }

    @Test func sortingFilteringAndTheSponsoredToggleOn20000Posts() {
        let posts = Self.manyPosts()
        var shared = Shared(now: DashboardFixtures.now, source: "test")
        shared.width = 120
        shared.height = 40
        var screen = PostsScreen(posts: posts, handle: "someone", sort: SortOrder(.date, ascending: false))
        func shown() -> [Post] { screen.list.visibleRows.map(\.post) }
        func filter(_ text: String) {
            _ = screen.run(.filter, &shared)
            for _ in 0..<20 { _ = screen.type(.backspace, &shared) }
            for character in text { _ = screen.type(.character(character), &shared) }
            _ = screen.type(.enter, &shared)
        }
        #expect(screen.title.showsVideos)
        let byDate = shown()
        #expect(byDate.count == 20_000)
        let dates = byDate.map { $0.postedDate?.daysSinceEpoch ?? 0 }
        #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 >= $1 })
        _ = screen.run(.sort, &shared)
        #expect(screen.list.sort == SortOrder(.likes, ascending: false), "the next column, largest first")
        let byLikes = shown()
        #expect(zip(byLikes, byLikes.dropFirst()).allSatisfy { ($0.likes ?? 0) >= ($1.likes ?? 0) })
        _ = screen.run(.reverseSort, &shared)
        let ascendingLikes = shown()
        #expect(ascendingLikes.first?.likes == byLikes.last?.likes)
        _ = screen.run(.sponsoredOnly, &shared)
        let sponsored = shown()
        #expect(sponsored.count == 2_858)
        #expect(sponsored.allSatisfy { $0.sponsored })
        _ = screen.run(.sponsoredOnly, &shared)
        filter("#TRAVEL")
        #expect(shown().count == 20_000 - 2_858)
        filter("day 1999")
        let expected = ([1999] + (19_990...19_999)).filter { $0 % 7 != 0 }.map { "v\($0)" }
        #expect(Set(shown().compactMap(\.shortcode)) == Set(expected), "sponsored ones read 'Paid partnership'")
        _ = screen.run(.switchTab, &shared)
        filter("")
        #expect(shown().map(\.shortcode) == ["p1"])
    }

    @Test func keysDriveTheTableAndThePostView() throws {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        _ = reducer.reduce(&state, .key(.character("p")))
        #expect(state.postsScreen?.title.showsVideos == true)
        _ = reducer.reduce(&state, .key(.tab))
        #expect(state.postsScreen?.title.showsVideos == false)
        _ = reducer.reduce(&state, .key(.character("o")))
        #expect(state.postsScreen?.list.sort?.column == .likes)
        _ = reducer.reduce(&state, .key(.character("O")))
        #expect(state.postsScreen?.list.sort?.ascending == true)
        _ = reducer.reduce(&state, .key(.character("s")))
        #expect(state.postsScreen?.title.sponsoredOnly == true)
        _ = reducer.reduce(&state, .key(.character("s")))
        _ = reducer.reduce(&state, .key(.enter))
        guard case .post(let post) = state.screen else { Issue.record("Enter did not open the post"); return }
        #expect(post.post.shortcode == "asda")
        _ = reducer.reduce(&state, .key(.escape))
        guard case .posts = state.screen else { Issue.record("Esc did not return to the posts"); return }
        _ = reducer.reduce(&state, .key(.escape))
        guard case .creator = state.screen else { Issue.record("Esc did not return to the page"); return }
        _ = reducer.reduce(&state, .key(.escape))
        #expect(state.showsList(.requests), "each Esc closes one screen")
    }

    @Test(arguments: RequestsScreenTests.sizes + [(200, 60)])
    func singlePostRefreshOpensStraightOnThePost(width: Int, height: Int) throws {
        let post = Post(
            shortcode: "DHGIoX0y3f3", postedDate: CalendarDate(year: 2026, month: 10, day: 2),
            caption: "Sunday mornings like this ☀️ #travel #ad", likes: 4_210, comments: 96, views: 58_000,
            engagement: 3.2, sponsored: true, hashtags: ["#travel", "#ad"], externalLinks: ["https://example.com/x"])
        let record = RefreshRecord(
            requestID: "65b87c8576c9b42b3a285809",
            request: EchoedRequest(RefreshTarget(uncheckedType: .instagramPost, value: "DHGIoX0y3f3")),
            response: CreatorReport(posts: Posts(video: [post]), profileOverview: ProfileOverview(handle: "priya.travels", followers: 120_000)),
            status: RefreshStatus(code: 200, message: "success"))
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: record)))
        guard case .post(let shown) = state.screen else { Issue.record("not on the post"); return }
        #expect(shown.post == post)
        #expect(state.screens.count == 4, "the list, the page, the posts and the post")
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "single-post-\(width)x\(height)")
        _ = reducer.reduce(&state, .key(.escape))
        guard case .posts = state.screen else { Issue.record("Esc shows the post among the posts"); return }
    }

    @Test func theTabsCountSaysHowManyTheFilterLetsThrough() throws {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        _ = reducer.reduce(&state, .key(.character("p")))
        let before = DashboardView().render(state).lines[0]
        #expect(!before.contains(" of "), "\(before)")
        _ = reducer.reduce(&state, .key(.character("/")))
        for character in "no such caption" { _ = reducer.reduce(&state, .key(.character(character))) }
        let after = DashboardView().render(state).lines[0]
        #expect(after.contains(" 0 of "), "the count of the kind shown follows the filter: \(after)")
    }

    @Test func aPostRefreshWhoseBodyHoldsOthersOpensOnThePostItNamed() {
        let other = Post(shortcode: "AAAAAAAAAAA", caption: "an older post", likes: 1)
        let named = Post(shortcode: "DHGIoX0y3f3", caption: "the post asked for", likes: 2)
        let record = RefreshRecord(
            requestID: "65b87c8576c9b42b3a285809",
            request: EchoedRequest(RefreshTarget(uncheckedType: .instagramPost, value: "DHGIoX0y3f3")),
            response: CreatorReport(posts: Posts(video: [other, named])), status: RefreshStatus(code: 200, message: "success"))
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: record)))
        guard case .post(let shown) = state.screen else { Issue.record("not on the post"); return }
        #expect(shown.post == named, "not the first post of the body")
    }

    @Test(arguments: RequestsScreenTests.sizes)
    func postsScreens(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        _ = reducer.reduce(&state, .key(.character("p")))
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "posts-\(width)x\(height)")
        _ = reducer.reduce(&state, .key(.enter))
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "post-\(width)x\(height)")
        _ = reducer.reduce(&state, .key(.character("?")))
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "post-help-\(width)x\(height)")
    }
}
