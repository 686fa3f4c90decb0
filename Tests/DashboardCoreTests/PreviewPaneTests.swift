@testable import DashboardCore
import RefreshAPI
import Testing

@Suite("The preview pane")
struct PreviewPaneTests {
    let reducer = DashboardReducer()

    /// The fixture's succeeded Instagram request, selected.
    static func selectingTheSucceededRequest(width: Int, height: Int) -> (DashboardState, [DashboardEffect]) {
        var state = DashboardFixtures.state(width: width, height: height)
        var effects: [DashboardEffect] = []
        while state.selectedRow?.target != "thetatvaindia" { effects = DashboardReducer().reduce(&state, .key(.down)) }
        return (state, effects)
    }

    @Test(arguments: [(160, 40), (200, 60)])
    func aWideListShowsTheSelectedRequestsCreatorPageBesideIt(width: Int, height: Int) throws {
        var (state, effects) = Self.selectingTheSucceededRequest(width: width, height: height)
        let requestID = try #require(state.selectedRow?.requestID)
        #expect(effects == [.loadPreview(requestID: requestID)], "moving onto a finished request reads its response")
        #expect(DashboardView().render(state).text.contains("Reading the response…"))
        _ = reducer.reduce(&state, .previewLoaded(requestID: "another", try CreatorPageTests.sample()))
        #expect(state.lists!.preview.page == nil, "an answer for a row no longer selected is dropped")
        _ = reducer.reduce(&state, .previewLoaded(requestID: requestID, try CreatorPageTests.sample()))
        let text = DashboardView().render(state).text
        try DashboardFixtures.expectScreen(text, named: "preview-\(width)x\(height)")
        for expected in ["Anurag Gupta", "Top posts by engagement", "STATE", "│"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(reducer.reduce(&state, .key(.down)) == [], "a pending request shows its facts without reading anything")
        #expect(DashboardView().render(state).text.contains("Request    65b87c8576c9b42b3a285"))
        #expect(reducer.reduce(&state, .key(.up)).isEmpty == false, "back on the finished request: read again")
    }

    @Test func vTogglesThePaneAndANarrowScreenHasNone() throws {
        var (state, _) = Self.selectingTheSucceededRequest(width: 200, height: 60)
        #expect(state.lists!.showsPreview(state.shared) && state.lists!.listWidth(state.shared) == 90)
        _ = reducer.reduce(&state, .key(.character("v")))
        #expect(!state.lists!.showsPreview(state.shared) && state.lists!.listWidth(state.shared) == 200)
        #expect(!DashboardView().render(state).text.contains("│"), "the list takes the whole width again")
        _ = reducer.reduce(&state, .key(.character("v")))
        #expect(state.lists!.showsPreview(state.shared))
        _ = reducer.reduce(&state, .resize(width: 159, height: 60))
        #expect(!state.lists!.showsPreview(state.shared), "below 160 columns there is no room for it")
        #expect(reducer.reduce(&state, .key(.character("v"))).isEmpty)
        #expect(state.notice?.text.contains("160 columns") == true)
    }

    @Test func theCreatorsListPreviewsTheSelectedCreatorsLatestRefresh() {
        var state = DashboardFixtures.state(width: 200, height: 60)
        let effects = reducer.reduce(&state, .key(.tab))
        let latest = state.selectedCreator?.latestRequestID
        #expect(latest != nil)
        #expect(effects == [.loadPreview(requestID: latest!)])
        #expect(DashboardView().render(state).text.contains("Reading the latest response…"))
    }
}
