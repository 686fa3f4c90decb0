@testable import DashboardCore
import RefreshAPI
import Testing

@Suite("The stack of screens")
struct ScreenStackTests {
    let reducer = DashboardReducer()

    @Test func eachScreenOpensOverTheOneItCameFromAndEscClosesIt() throws {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .key(.tab))
        #expect(state.showsList(.creators))
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        _ = reducer.reduce(&state, .key(.character("p")))
        _ = reducer.reduce(&state, .key(.enter))
        var kinds: [String] = []
        var closing = state
        while true {
            kinds.insert(closing.screenKind, at: 0)
            guard closing.screens.count > 1 else { break }
            closing.press(.escape)
        }
        #expect(kinds == ["list creators", "creator", "posts", "post"])
        for expected in [3, 2, 1] {
            _ = reducer.reduce(&state, .key(.escape))
            #expect(state.screens.count == expected)
        }
        #expect(state.showsList(.creators), "back on the list it was opened from")
        #expect(reducer.reduce(&state, .key(.escape)).isEmpty, "Esc on a list never quits")
        #expect(state.showsList(.creators))
    }

    @Test func aPageChangedOnTopIsKeptWhenTheScreensOverItClose() throws {
        var state = DashboardFixtures.state(width: 80, height: 24)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        _ = reducer.reduce(&state, .key(.character("x")))
        _ = reducer.reduce(&state, .key(.pageDown))
        let scrolled = try #require(state.creatorPage)
        _ = reducer.reduce(&state, .key(.character("p")))
        _ = reducer.reduce(&state, .key(.escape))
        #expect(state.creatorPage == scrolled, "exact numbers and the scroll survive a visit to the posts")
        #expect(state.creatorPage?.page.exact == true)
    }

    @Test func tabOnAListSwitchesTheListAndClosesNothingElse() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        state.press(.tab)
        #expect(state.showsList(.creators))
        state.start(on: [.creator(CreatorPageScreen(page: CreatorPage(record: RefreshRecord(requestID: "x"))))])
        state.press(.tab)
        #expect(state.screens.count == 1, "a dashboard opened on a page has no list to switch to")
        #expect(state.lists == nil)
    }

    @Test func keysTypedWhileAPageIsReadGoToThePage() throws {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .key(.character("G")))
        #expect(reducer.reduce(&state, .key(.enter)) == [.openCreator(state.selectedRow!)])
        #expect(reducer.reduce(&state, .key(.character("p"))).isEmpty, "p waits for the page instead of pausing the list")
        #expect(state.shared.connection.isLive)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        guard case .posts = state.screen else { Issue.record("the p typed ahead did not open the posts"); return }

        var failing = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&failing, .key(.character("G")))
        _ = reducer.reduce(&failing, .key(.enter))
        _ = reducer.reduce(&failing, .key(.character("p")))
        _ = reducer.reduce(&failing, .problem("The stored response cannot be read"))
        #expect(failing.showsList(.requests) && failing.shared.connection.isLive, "keys meant for a page that never came are dropped")
        #expect(reducer.reduce(&failing, .key(.character("p"))) == [.setLiveUpdates(false)], "and keys work on the list again")
    }
}
