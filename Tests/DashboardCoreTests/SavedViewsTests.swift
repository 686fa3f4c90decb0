import DashboardCore
import Foundation
import Presentation
import Testing

/// `V` on the Creators tab: the saved views of the config file, chosen in a box, each a query, a sort and columns.
@Suite("Saved views on the Creators tab")
struct SavedViewsTests {
    static let views = [
        CreatorView(name: "youtube", query: "platform:yt", sort: CreatorSort(.followers, ascending: true), columns: [.handle, .platform, .followers]),
        CreatorView(name: "big ones", query: "followers>1m"),
    ]

    static func state(width: Int = 120, height: Int = 40, views: [CreatorView] = views) -> DashboardState {
        var settings = DashboardSettings()
        settings.views = views
        var state = DashboardFixtures.state(width: width, height: height, settings: settings)
        state.load(DashboardFixtures.creators + RosterFixtures.compared.map(\.0))
        state.showTab(.creators)
        return state
    }

    @Test func withoutViewsVSaysWhereTheyAreKept() {
        var state = Self.state(views: [])
        state.press(.character("V"))
        #expect(state.overlay == nil)
        #expect(state.notice?.text.contains("No saved views: add them under views: in config.yml") == true)
    }

    @Test func aChosenViewFiltersSortsAndShowsItsColumnsAndEscGoesBack() throws {
        var state = Self.state()
        let all = state.creators.rows.count
        state.press(.character("V"))
        let picker = DashboardView().render(state).text
        #expect(picker.contains("All creators") && picker.contains("youtube") && picker.contains("platform:yt, by followers:asc"), "\(picker)")
        try DashboardFixtures.expectScreen(picker, named: "views-120x40")
        state.press(.down, .enter)
        #expect(state.overlay == nil)
        #expect(state.lists?.creators.view?.name == "youtube")
        let youtube = state.creators.visibleRows
        #expect(!youtube.isEmpty && youtube.allSatisfy { $0.platform == .youtube })
        #expect(youtube.map { $0.followers ?? 0 } == youtube.map { $0.followers ?? 0 }.sorted(), "its sort: fewest followers first")
        let text = DashboardView().render(state).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("youtube: \(youtube.count) of \(all) creators"), "\(lines[0])")
        #expect(lines[1].split(separator: " ") == ["HANDLE", "PLATFORM", "FOLLOWERS↑"], "its columns, sorted as it says: \(lines[1])")
        #expect(state.notice?.text == "View youtube: \(youtube.count) of \(all) creators.")
        #expect(lines.last?.contains("View youtube:") == true, "the notice shows before the filter line: \(lines.last ?? "")")

        state.press(.character("V"))
        #expect(DashboardView().render(state).text.contains("▸ youtube"), "the picker opens on the view in force")
        state.press(.escape)
        #expect(state.lists?.creators.view?.name == "youtube", "Esc in the picker keeps the view")

        state.press(.escape)
        #expect(state.lists?.creators.view == nil)
        #expect(state.creators.visibleRows.count == all)
        #expect(state.creators.sort == DashboardSettings().creatorsSort, "the list's own sort again")
        #expect(DashboardView().render(state).text.contains("NAME"), "and its own columns")
        #expect(state.notice?.text == "Every creator: \(all).")
    }

    @Test func aViewsQueryIsTheFilterThatSlashEdits() {
        var state = Self.state()
        state.press(.character("V"), .down, .down, .enter)
        #expect(state.creators.filter == "followers>1m")
        #expect(!state.creators.visibleRows.isEmpty && state.creators.visibleRows.allSatisfy { ($0.followers ?? 0) > 1_000_000 })
        state.press(.character("/"))
        state.type(" platform:ig")
        state.press(.enter)
        #expect(state.creators.filter == "followers>1m platform:ig")
        #expect(!state.creators.visibleRows.isEmpty && state.creators.visibleRows.allSatisfy { $0.platform == .instagram })
        #expect(DashboardView().render(state).text.split(separator: "\n")[0].contains("big ones (query edited):"), "the header says the view's query was changed")
    }
}
