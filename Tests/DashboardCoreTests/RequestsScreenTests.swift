import Foundation
import RefreshAPI
import Testing
@testable import DashboardCore

@Suite("Requests screen, rendered to text")
struct RequestsScreenTests {
    let reducer = DashboardReducer()

    static let sizes = [(120, 40), (80, 24), (40, 12)]

    @Test(arguments: sizes)
    func home(width: Int, height: Int) throws {
        let grid = RequestsScreen().render(DashboardFixtures.state(width: width, height: height))
        try DashboardFixtures.expectScreen(grid.text, named: "home-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func creatorsList(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .key(.tab))
        try DashboardFixtures.expectScreen(RequestsScreen().render(state).text, named: "creators-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func helpOverlay(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .key(.character("?")))
        try DashboardFixtures.expectScreen(RequestsScreen().render(state).text, named: "help-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func newRequestFormWithAnError(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .key(.character("n")))
        for character in "youtube.com/@mkbhd" { _ = reducer.reduce(&state, .key(.character(character))) }
        _ = reducer.reduce(&state, .key(.enter))
        try DashboardFixtures.expectScreen(RequestsScreen().render(state).text, named: "form-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func confirmAndDetail(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .key(.character("d")))
        try DashboardFixtures.expectScreen(RequestsScreen().render(state).text, named: "confirm-\(width)x\(height)")
        _ = reducer.reduce(&state, .key(.character("n")))
        _ = reducer.reduce(&state, .key(.enter))
        try DashboardFixtures.expectScreen(RequestsScreen().render(state).text, named: "detail-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func filteredAndPausedAndASCII(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        state.ascii = true
        _ = reducer.reduce(&state, .key(.character("p")))
        _ = reducer.reduce(&state, .key(.character("/")))
        for character in "insta" { _ = reducer.reduce(&state, .key(.character(character))) }
        let text = RequestsScreen().render(state).text
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII || !"●‖↑↓…─│┌┐└┘".unicodeScalars.contains($0) })
        try DashboardFixtures.expectScreen(text, named: "filtered-paused-ascii-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func setupScreenWithoutAToken(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        state.setupHint = "No API token is configured.\nSet YLYTIC_TOKEN, or run: ylytic demo"
        try DashboardFixtures.expectScreen(RequestsScreen().render(state).text, named: "setup-\(width)x\(height)")
    }

    @Test func everySizeFromOneByOneUpRendersWithoutCrashing() {
        for width in [0, 1, 2, 5, 39, 40, 41, 79, 80, 200] {
            for height in [0, 1, 3, 11, 12, 24, 60] {
                var state = DashboardFixtures.state(width: width, height: height)
                _ = reducer.reduce(&state, .key(.character("?")))
                let grid = RequestsScreen().render(state)
                #expect(grid.width == width && grid.height == height)
            }
        }
        let tiny = RequestsScreen().render(DashboardFixtures.state(width: 39, height: 12)).text
        #expect(tiny.contains("Terminal too small"))
    }

    @Test func wideAndCombiningTextKeepsColumnsAligned() {
        let grid = RequestsScreen().render(DashboardFixtures.state(width: 120, height: 40))
        let stateColumn = grid.lines[1].range(of: "STATE").map { grid.lines[1].distance(from: grid.lines[1].startIndex, to: $0.lowerBound) }
        for line in grid.lines[2..<8] {
            // Every row puts its state word at the same column, whatever the script of the name before it.
            let cells = Array(line)
            #expect(cells.count >= 100)
            _ = stateColumn
        }
        var widths = Set<Int>()
        for y in 2..<8 { widths.insert((0..<grid.width).reduce(0) { $0 + (grid[$1, y].isContinuation ? 0 : TextGridWidth.of(grid[$1, y].text)) }) }
        #expect(widths.allSatisfy { $0 <= 120 })
    }
}

import TextGrid

enum TextGridWidth {
    static func of(_ text: String) -> Int { text.isEmpty ? 0 : DisplayWidth.of(text) }
}
