@testable import DashboardCore
import RefreshAPI
import Testing

@Suite("The mouse")
struct MouseTests {
    let reducer = DashboardReducer()

    @Test func aClickSelectsARowAndAClickOnTheSelectedRowOpensIt() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .mouse(MouseInput(.click, x: 20, y: 5)))
        #expect(state.requests.selection == 3, "row 5 of the screen is the fourth request")
        let target = state.selectedRow?.target
        #expect(target == "thetatvaindia")
        #expect(reducer.reduce(&state, .mouse(MouseInput(.click, x: 50, y: 5))) == [.openCreator(state.selectedRow!)])
        _ = reducer.reduce(&state, .mouse(MouseInput(.click, x: 20, y: 30)))
        #expect(state.requests.selection == 3, "a click below the last row selects nothing")
    }

    @Test func theWheelMovesTheSelectionAndAClickOnATabSwitches() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .mouse(MouseInput(.wheelDown, x: 0, y: 10)))
        #expect(state.requests.selection == 3)
        _ = reducer.reduce(&state, .mouse(MouseInput(.wheelUp, x: 0, y: 10)))
        #expect(state.requests.selection == 0)
        let text = DashboardView().render(state).lines[0]
        let creators = text.distance(from: text.startIndex, to: text.range(of: "Creators")!.lowerBound)
        _ = reducer.reduce(&state, .mouse(MouseInput(.click, x: creators + 2, y: 0)))
        #expect(state.tab == .creators)
        _ = reducer.reduce(&state, .mouse(MouseInput(.click, x: 1, y: 0)))
        #expect(state.tab == .creators, "the title is no tab")
    }

    @Test func theWheelScrollsACreatorPageAndMovesThroughThePosts() throws {
        var state = DashboardFixtures.state(width: 80, height: 24)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        _ = reducer.reduce(&state, .mouse(MouseInput(.wheelDown, x: 5, y: 5)))
        #expect(state.creatorPage?.scroll.first == 3)
        _ = reducer.reduce(&state, .key(.character("p")))
        _ = reducer.reduce(&state, .mouse(MouseInput(.click, x: 5, y: 2)))
        guard case .post = state.screen else { Issue.record("a click on the selected post did not open it"); return }
    }

    @Test func anOverlayIgnoresTheMouse() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .key(.character("?")))
        _ = reducer.reduce(&state, .mouse(MouseInput(.click, x: 20, y: 5)))
        #expect(state.requests.selection == 0)
        guard case .help = state.overlay else { Issue.record("the help closed"); return }
    }
}
