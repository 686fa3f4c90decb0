import Foundation
import RefreshAPI
import RefreshTracking
import Testing
@testable import DashboardCore

@Suite("Requests screen, rendered to text")
struct RequestsScreenTests {
    let reducer = DashboardReducer()

    static let sizes = [(120, 40), (80, 24), (40, 12)]

    @Test(arguments: sizes)
    func home(width: Int, height: Int) throws {
        let grid = DashboardView().render(DashboardFixtures.state(width: width, height: height))
        try DashboardFixtures.expectScreen(grid.text, named: "home-\(width)x\(height)")
    }

    @Test func theHeaderSaysWhatWasSentTodayAndWhereTheBudgetStandsInTheWordsTheWidthAffords() throws {
        var state = DashboardFixtures.state(width: 160, height: 24)
        let budget = RefreshBudget(limit: 500, period: .day)
        _ = reducer.reduce(&state, .usageLoaded(UsageToday(sent: 12, budget: budget, usedInPeriod: 40)))
        let header = { (state: DashboardState) in DashboardView().render(state).text.split(separator: "\n")[0] }
        #expect(header(state).contains("sent today 12 (budget 40/500/day)"), "\(header(state))")
        // At every width the counts keep the wording they have without it; it takes what room is left.
        var without = state
        without.shared.usage = nil
        var shown: Set<String> = []
        for width in 40...160 {
            state.shared.width = width
            without.shared.width = width
            let counts = String(header(without)).components(separatedBy: " demo").first?
                .trimmingCharacters(in: .whitespaces) ?? ""
            #expect(header(state).contains(counts), "at \(width): \(header(state)) | \(header(without))")
            for form in ["sent today 12 (budget 40/500/day)", "today 12 40/500/day", " t12"] where header(state).contains(form) {
                shown.insert(form)
            }
        }
        #expect(shown.count == 3, "each wording at some width: \(shown)")
        _ = reducer.reduce(&state, .usageLoaded(UsageToday(sent: 0, budget: nil, usedInPeriod: 0)))
        state.shared.width = 160
        #expect(header(state).contains("sent today 0") && !header(state).contains("budget"), "\(header(state))")
        #expect(UsageToday(sent: 500, budget: budget, usedInPeriod: 500).isSpent)
    }

    @Test(arguments: sizes)
    func creatorsList(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .key(.tab))
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "creators-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func helpOverlay(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .key(.character("?")))
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "help-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func newRequestFormWithAnError(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .key(.character("n")))
        for character in "youtube.com/@mkbhd" { _ = reducer.reduce(&state, .key(.character(character))) }
        _ = reducer.reduce(&state, .key(.enter))
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "form-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func confirmAndDetail(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .key(.character("d")))
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "confirm-\(width)x\(height)")
        _ = reducer.reduce(&state, .key(.character("n")))
        _ = reducer.reduce(&state, .key(.enter))
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "detail-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func filteredAndPausedAndASCII(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        state.shared.settings.ascii = true
        _ = reducer.reduce(&state, .key(.character("p")))
        _ = reducer.reduce(&state, .key(.character("/")))
        for character in "insta" { _ = reducer.reduce(&state, .key(.character(character))) }
        let text = DashboardView().render(state).text
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII || !"●‖↑↓…─│┌┐└┘".unicodeScalars.contains($0) })
        try DashboardFixtures.expectScreen(text, named: "filtered-paused-ascii-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func setupScreenWithoutAToken(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        state.start(on: [.setup(SetupScreen(hint: "No API token is configured.\nSet YLYTIC_TOKEN, or run: ylytic demo"))])
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "setup-\(width)x\(height)")
    }

    @Test func everySizeFromOneByOneUpRendersWithoutCrashing() {
        for width in [0, 1, 2, 5, 39, 40, 41, 79, 80, 200] {
            for height in [0, 1, 3, 11, 12, 24, 60] {
                var state = DashboardFixtures.state(width: width, height: height)
                _ = reducer.reduce(&state, .key(.character("?")))
                let grid = DashboardView().render(state)
                #expect(grid.width == width && grid.height == height)
            }
        }
        let tiny = DashboardView().render(DashboardFixtures.state(width: 39, height: 12)).text
        #expect(tiny.contains("Terminal too small"))
    }

    @Test func whileTheTerminalIsTooSmallOnlyQuittingActs() {
        var state = DashboardFixtures.state(width: 30, height: 8)
        #expect(reducer.reduce(&state, .key(.character("n"))).isEmpty)
        #expect(reducer.reduce(&state, .key(.character("?"))).isEmpty)
        #expect(state.overlay == nil, "no box opens unseen")
        _ = reducer.reduce(&state, .key(.character("q")))
        #expect(state.shouldQuit)
    }

    @Test func everyCountStaysVisibleAtEveryWidth() {
        for width in 40...160 {
            let header = DashboardView().render(DashboardFixtures.state(width: width, height: 24)).lines[0]
            let shown = ["unknown 1", "unkn 1", " u1"].contains { header.contains($0) }
            #expect(shown, "the last count at \(width) columns: \(header)")
            #expect(DisplayWidth.of(header) <= width)
        }
    }

    @Test func wideAndCombiningTextKeepsColumnsAligned() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .updated([RequestRow(
            id: 7, type: .instagram, target: "cafe\u{301}_zoe\u{308}", phase: .succeeded, submittedAt: DashboardFixtures.now,
            creatorName: "👩‍💻 Zoë 김민지 e\u{301}")]))
        let grid = DashboardView().render(state)
        let header = (0..<grid.width).map { grid[$0, 1].text }.joined()
        let stateColumn = try! #require(header.range(of: "STATE").map { header.distance(from: header.startIndex, to: $0.lowerBound) })
        let words = ["pending", "outcome", "failed:", "succeeded", "stale"]
        for y in 2..<9 {
            // Read the row by cells: the state word starts exactly under its header, whatever came before it.
            let fromState = (stateColumn..<grid.width).map { grid[$0, y].text }.joined()
            #expect(words.contains { fromState.hasPrefix($0) }, "row \(y): '\(fromState.prefix(12))'")
            #expect(!grid[stateColumn, y].isContinuation)
        }
    }
}

import TextGrid

