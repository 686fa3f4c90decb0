import Foundation
import Presentation
import RefreshAPI
import Testing
import TextGrid
@testable import DashboardCore

@Suite("Dashboard reducer")
struct DashboardReducerTests {
    let reducer = DashboardReducer()

    func state() -> DashboardState { DashboardFixtures.state(width: 120, height: 12) }

    @Test func movingTheSelection() {
        var state = state()
        #expect(state.selectedRow?.id == 2, "newest first")
        _ = reducer.reduce(&state, .key(.down))
        _ = reducer.reduce(&state, .key(.character("j")))
        #expect(state.requests.selection == 2)
        _ = reducer.reduce(&state, .key(.character("k")))
        _ = reducer.reduce(&state, .key(.up))
        _ = reducer.reduce(&state, .key(.up))
        #expect(state.requests.selection == 0)
        _ = reducer.reduce(&state, .key(.character("G")))
        #expect(state.requests.selection == 5)
        _ = reducer.reduce(&state, .key(.character("g")))
        #expect(state.requests.selection == 0)
        _ = reducer.reduce(&state, .key(.pageDown))
        #expect(state.requests.selection == 5, "a page is 9 rows at height 12; there are 6")
        _ = reducer.reduce(&state, .key(.pageUp))
        #expect(state.requests.selection == 0)
    }

    @Test func scrollingKeepsTheSelectionInView() {
        var state = DashboardFixtures.state(width: 80, height: 12)
        state.load((1...100).map { RequestRow(id: Int64($0), type: .instagram, target: "c\($0)", phase: .pending, submittedAt: DashboardFixtures.now - Double($0)) })
        _ = reducer.reduce(&state, .key(.end))
        #expect(state.requests.selection == 99)
        #expect(state.requests.scroll == 100 - state.pageSize)
        let text = DashboardView().render(state).text
        #expect(text.contains("c100"))
        #expect(!text.contains("c1 "))
    }

    @Test func filteringAsYouTypeAndEscapeClears() {
        var state = state()
        _ = reducer.reduce(&state, .key(.character("/")))
        for character in "you" { _ = reducer.reduce(&state, .key(.character(character))) }
        #expect(state.requests.visibleRows.map(\.id) == [2, 5])
        _ = reducer.reduce(&state, .key(.backspace))
        #expect(state.requests.filter == "yo")
        _ = reducer.reduce(&state, .key(.escape))
        #expect(state.requests.filter.isEmpty)
        #expect(!state.requests.isEditingFilter)
        #expect(state.requests.visibleRows.count == 6)
    }

    @Test func sortingCyclesColumnsAndReverses() {
        var state = state()
        _ = reducer.reduce(&state, .key(.character("s")))
        #expect(state.requests.sort?.column == .finished, "the next column to the right of SUBMITTED")
        #expect(DashboardView().render(state).text.contains("FINISHED↓"), "the arrow is seen whole")
        _ = reducer.reduce(&state, .key(.character("s")))
        #expect(state.requests.sort?.column == .followers)
        #expect(DashboardView().render(state).text.contains("FOLLOWERS↓"))
        _ = reducer.reduce(&state, .key(.character("s")))
        #expect(state.requests.sort?.column == .type)
        _ = reducer.reduce(&state, .key(.character("s")))
        #expect(state.requests.sort?.column == .target)
        #expect(state.requests.visibleRows.first?.target == "2121125346")
        _ = reducer.reduce(&state, .key(.character("S")))
        #expect(state.requests.visibleRows.first?.target == "UCurYxozQbvKn-oNUxNJh45Q")
    }

    @Test func sortingCyclesOnlyOverTheColumnsShown() {
        let cycles: [(Int, [RequestColumn])] = [
            (140, [.by, .finished, .followers, .type, .target, .name, .state, .submitted]),
            (80, [.followers, .type, .target, .state, .submitted]), (40, [.target, .state]),
        ]
        for (width, expected) in cycles {
            var state = DashboardFixtures.state(width: width, height: 24)
            var seen: [RequestColumn?] = []
            for _ in expected {
                _ = reducer.reduce(&state, .key(.character("s")))
                seen.append(state.requests.sort?.column)
            }
            #expect(seen == expected, "at \(width) columns")
        }
    }

    @Test func fieldsEditLikeAShellsLineEditor() {
        var state = state()
        _ = reducer.reduce(&state, .key(.character("n")))
        for key: Key in "@thetatvaindia".map({ .character($0) }) + [.home, .delete, .end, .left, .left, .backspace] {
            _ = reducer.reduce(&state, .key(key))
        }
        guard case .newRequest(let form) = state.overlay else {
            Issue.record("the form closed")
            return
        }
        #expect(form.value == "thetatvainia", "Home, Delete, End, ← ← and Backspace edit where the cursor is")
        #expect(form.type == nil, "← and → move the cursor, not the type")
        _ = reducer.reduce(&state, .key(.control("u")))
        guard case .newRequest(let cleared) = state.overlay else {
            Issue.record("the form closed")
            return
        }
        #expect(cleared.value == "ia", "Ctrl-U removes what is before the cursor")
        _ = reducer.reduce(&state, .key(.escape))

        _ = reducer.reduce(&state, .key(.character("/")))
        for character in "you tube" { _ = reducer.reduce(&state, .key(.character(character))) }
        _ = reducer.reduce(&state, .key(.control("w")))
        #expect(state.requests.filter == "you ")
        _ = reducer.reduce(&state, .key(.control("a")))
        _ = reducer.reduce(&state, .key(.control("k")))
        #expect(state.requests.filter.isEmpty)
        #expect(DashboardView().render(state).lines.last?.hasPrefix(" /▏") == true, "the cursor is drawn where it is")
    }

    @Test func lineEditorEdgesAndWideCharacters() {
        var field = LineEditor("日本 語")
        let moved = field.handle(.left) && field.handle(.left)
        #expect(moved)
        _ = field.handle(.character("x"))
        #expect(field.text == "日本x 語")
        #expect(field.showing(cursor: "|") == "日本x| 語")
        _ = field.handle(.control("w"))
        #expect(field.text == " 語")
        let handled = field.handle(.backspace)
        #expect(handled, "at the start, Backspace does nothing but is still an editing key")
        #expect(field.text == " 語")
        let tab = field.handle(.tab)
        #expect(!tab)
    }

    @Test func newRequestFormValidatesInlineAndSubmits() {
        var state = state()
        _ = reducer.reduce(&state, .key(.character("n")))
        for character in "bad name" { _ = reducer.reduce(&state, .key(.character(character))) }
        #expect(reducer.reduce(&state, .key(.enter)).isEmpty)
        guard case .newRequest(let form) = state.overlay else { Issue.record("form closed"); return }
        #expect(form.error?.contains("give the type too") == true)
        _ = reducer.reduce(&state, .key(.tab))
        let effects = reducer.reduce(&state, .key(.enter))
        #expect(effects.isEmpty, "a handle with a space is invalid")
        for _ in 0..<4 { _ = reducer.reduce(&state, .key(.backspace)) }
        let submitted = reducer.reduce(&state, .key(.enter))
        #expect(submitted == [.submit(try! RefreshTarget(type: .instagram, value: "bad"))])
        #expect(state.overlay == nil)
    }

    @Test func pastedURLIsReadFromTheForm() {
        var state = state()
        _ = reducer.reduce(&state, .key(.character("n")))
        for character in "https://youtu.be/iwIeyWv2ABI" { _ = reducer.reduce(&state, .key(.character(character))) }
        #expect(reducer.reduce(&state, .key(.enter)) == [.submit(try! RefreshTarget(type: .youtubePost, value: "iwIeyWv2ABI"))])
    }

    @Test func refreshAgainPauseForgetAndQuit() {
        var state = state()
        let again = RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")
        #expect(reducer.reduce(&state, .key(.character("r"))) == [.submit(again)])
        #expect(state.requests.rows.count == 7, "shown at once, as waiting for the store")
        _ = reducer.reduce(&state, .submissionEnded(again))
        #expect(state.requests.rows.count == 6)
        #expect(reducer.reduce(&state, .key(.character("p"))) == [.setLiveUpdates(false)])
        #expect(reducer.reduce(&state, .key(.character("p"))) == [.setLiveUpdates(true)])
        #expect(reducer.reduce(&state, .key(.character("d"))).isEmpty)
        #expect(reducer.reduce(&state, .key(.character("x"))).isEmpty, "any other key keeps it")
        _ = reducer.reduce(&state, .key(.character("d")))
        let row = state.selectedRow!
        #expect(reducer.reduce(&state, .key(.character("y"))) == [.forget(row)])
        _ = reducer.reduce(&state, .removed([row.id]))
        #expect(state.requests.rows.count == 5)
        #expect(reducer.reduce(&state, .key(.character("q"))) == [.quit])
        #expect(!state.wasInterrupted, "q is a quit asked for")
        var other = self.state()
        #expect(reducer.reduce(&other, .key(.control("c"))) == [.quit])
        #expect(other.shouldQuit)
        #expect(other.wasInterrupted, "Ctrl-C is an interruption: the command exits 130")
    }

    @Test func monitorUpdatesChangeRowsLiveAndMarkThem() {
        var state = state()
        var row = state.requests.row(2)!
        row.phase = .succeeded
        row.followers = 1_200
        _ = reducer.reduce(&state, .updated([row]))
        let updated = state.requests.row(2)!
        #expect(updated.phase == .succeeded)
        #expect(updated.changedAt == DashboardFixtures.now)
        #expect(state.selectedRow?.id == 2, "the selection follows the request")
        _ = reducer.reduce(&state, .tick(DashboardFixtures.now + 10))
        #expect(state.lists!.requests.counts[.succeeded] == 3)
        _ = reducer.reduce(&state, .updated([RequestRow(id: 99, type: .instagram, target: "new", phase: .submitting, submittedAt: DashboardFixtures.now + 10)]))
        #expect(state.requests.rows.count == 7)
        _ = reducer.reduce(&state, .problem("the server is unavailable"))
        #expect(state.notice?.isError == true)
    }

    @Test func aSubmissionIsShownAtOnceWhileTheStoreIsOutOfReachAndGivesWayToTheStoresRow() {
        var state = state()
        _ = reducer.reduce(&state, .storeConnection(lostBecause: "the server closed the connection"))
        _ = reducer.reduce(&state, .key(.character("n")))
        for character in "@offline_sub" { _ = reducer.reduce(&state, .key(.character(character))) }
        let target = try! RefreshTarget(type: .instagram, value: "offline_sub")
        #expect(reducer.reduce(&state, .key(.enter)) == [.submit(target)])
        let waiting = state.requests.rows.filter { $0.target == "offline_sub" }
        #expect(waiting.count == 1)
        #expect(waiting.first?.phase == .submitting)
        #expect(waiting.first?.detail == "waiting for the store (the server closed the connection)")
        #expect(state.notice?.text == "instagram offline_sub waits for the store, which is out of reach: it is sent once "
            + "the store has taken it.")
        _ = reducer.reduce(&state, .key(.character("g")))
        #expect(state.selectedRow?.target == "offline_sub")
        #expect(reducer.reduce(&state, .key(.character("d"))).isEmpty, "nothing to forget: the store has not got it")
        #expect(state.overlay == nil)
        let screen = DashboardView().render(state).text
        #expect(screen.contains("offline_sub"), "the row is on screen")

        // The whole list read again on reconnection keeps it; the store's own row then takes its place.
        _ = reducer.reduce(&state, .loaded(state.requests.rows.filter { $0.id >= 0 }))
        #expect(state.requests.rows.filter { $0.target == "offline_sub" }.count == 1)
        let stored = RequestRow(
            id: 40, type: .instagram, target: "offline_sub", phase: .submitting, submittedAt: DashboardFixtures.now)
        _ = reducer.reduce(&state, .updated([stored]))
        #expect(state.requests.rows.filter { $0.target == "offline_sub" }.map(\.id) == [40])
        _ = reducer.reduce(&state, .submissionEnded(target))
        #expect(state.requests.rows.filter { $0.target == "offline_sub" }.map(\.id) == [40])
    }

    @Test func twoSubmissionsOfATargetShareARowThatGoesWithTheLast() {
        var state = state()
        let target = RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")
        _ = reducer.reduce(&state, .key(.character("r")))
        _ = reducer.reduce(&state, .key(.character("j")))
        _ = reducer.reduce(&state, .key(.character("r")))
        #expect(state.requests.rows.count == 7, "one row waits for both")
        _ = reducer.reduce(&state, .submissionEnded(target))
        #expect(state.requests.rows.count == 7, "the other is still under way")
        _ = reducer.reduce(&state, .submissionEnded(target))
        #expect(state.requests.rows.count == 6)
    }

    @Test func aJoinedSubmissionLeavesNoRowOfItsOwn() {
        var state = state()
        let target = RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")
        _ = reducer.reduce(&state, .key(.character("r")))
        #expect(state.requests.rows.count == 7)
        _ = reducer.reduce(&state, .joined(target, state.requests.row(2)!))
        #expect(state.requests.rows.count == 6)
    }

    @Test func noticesGoAfterTenSecondsAndProblemsAfterThirty() {
        var state = state()
        _ = reducer.reduce(&state, .notice("The server asks to slow down; polling resumes at 10:00:05."))
        _ = reducer.reduce(&state, .tick(DashboardFixtures.now + 9))
        #expect(state.notice?.text.hasPrefix("The server asks to slow down") == true)
        _ = reducer.reduce(&state, .tick(DashboardFixtures.now + 10))
        #expect(state.notice == nil, "a notice does not outlive its truth")
        _ = reducer.reduce(&state, .problem("The store could not be written"))
        _ = reducer.reduce(&state, .tick(DashboardFixtures.now + 39))
        #expect(state.notice?.isError == true)
        _ = reducer.reduce(&state, .tick(DashboardFixtures.now + 40))
        #expect(state.notice == nil)
    }

    @Test func aRowWhosePollsFailSaysItIsRetryingAndWhy() {
        var state = state()
        var row = RequestRow(
            id: 50, requestID: "r50", type: .instagram, target: "flaky_kitchen", phase: .pending,
            detail: "HTTP 503", failedPolls: 3,
            submittedAt: DashboardFixtures.now)
        _ = reducer.reduce(&state, .updated([row]))
        let text = DashboardView().render(state).text
        #expect(text.contains("retrying: HTTP 503"), "\(text)")
        row.failedPolls = 0
        row.detail = nil
        _ = reducer.reduce(&state, .updated([row]))
        #expect(!DashboardView().render(state).text.contains("retrying"), "an answer clears it")
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var state = DashboardFixtures.state(width: 80, height: 40)
        state.load((1...100).map { RequestRow(id: Int64($0), type: .instagram, target: "c\($0)", phase: .pending, submittedAt: DashboardFixtures.now - Double($0)) })
        _ = reducer.reduce(&state, .key(.pageDown))
        _ = reducer.reduce(&state, .resize(width: 40, height: 12))
        #expect(state.requests.selection >= state.requests.scroll && state.requests.selection < state.requests.scroll + state.pageSize)
    }

    @Test func everyCommandOfEveryScreenHasAKeyAndEveryCommandAScreen() {
        for context in KeyContext.allCases {
            for command in context.commands {
                #expect(!KeyBindings.standard.keys(for: command, in: context).isEmpty, "\(command) has no key on \(context)")
            }
            let bound = Set(KeyBindings.standard.table[context]?.map(\.command) ?? [])
            #expect(bound.isSubset(of: Set(context.commands)), "\(context) binds a command its help does not list")
        }
        let used = Set(KeyContext.allCases.flatMap(\.commands))
        #expect(used == Set(Command.allCases), "a command no screen has: \(Set(Command.allCases).subtracting(used))")
    }
}

@Suite("Creator page")
struct CreatorPageTests {
    let reducer = DashboardReducer()

    nonisolated static func sample() throws -> RefreshRecord {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/spec-get-response.json")
        return try RefreshRecordDecoder.decode(try Data(contentsOf: url))
    }

    @Test func enterOnAFinishedRequestAsksForItsResponseOtherwiseShowsWhatIsKnown() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .key(.character("G")))
        #expect(state.selectedRow?.phase == .succeeded)
        #expect(reducer.reduce(&state, .key(.enter)) == [.openCreator(state.selectedRow!)])
        _ = reducer.reduce(&state, .problem("The response of the request is not in the store."))
        _ = reducer.reduce(&state, .key(.character("g")))
        #expect(reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.overlay == .details(RequestDetails(row: state.selectedRow!)))
    }

    @Test func pageScrollsAndEscapeReturnsToTheList() throws {
        var state = DashboardFixtures.state(width: 80, height: 24)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try Self.sample())))
        #expect(state.creatorPage != nil)
        _ = reducer.reduce(&state, .key(.character("j")))
        _ = reducer.reduce(&state, .key(.pageDown))
        #expect(state.creatorPage?.scroll.first ?? 0 > 0)
        _ = reducer.reduce(&state, .key(.character("g")))
        #expect(state.creatorPage?.scroll.first == 0)
        _ = reducer.reduce(&state, .key(.escape))
        #expect(state.creatorPage == nil)
        #expect(state.showsList(.requests))
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try Self.sample())))
        #expect(reducer.reduce(&state, .key(.character("e"))) == [.exportPosts(try Self.sample())])
        _ = reducer.reduce(&state, .key(.character("x")))
        #expect(state.creatorPage?.page.exact == true)
        let exactLines = state.creatorPage?.page.lines(width: 80, chartRoom: 24, ascii: false) ?? []
        #expect(exactLines.map(\.description).joined().contains("max 1,000  last 1,000"), "exact trend figures")
        var only = DashboardFixtures.state(width: 80, height: 24)
        only.start(on: Screen.opening(CreatorPage(record: try Self.sample()), postsSort: DashboardSettings().postsSort))
        #expect(reducer.reduce(&only, .key(.character("q"))) == [.quit], "leaving the only screen quits")
    }

    @Test func earlierRefreshesShowWhatChanged() throws {
        let now = DashboardFixtures.now
        let history = [
            HistoryPoint(date: now - 86_400 * 30, followers: 9_500, engagement: 1.3, posts: 8),
            HistoryPoint(date: now - 86_400, followers: 9_750, engagement: 1.2, posts: 9),
            HistoryPoint(date: now, followers: 10_001, engagement: 1.1, posts: 10),
        ]
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try Self.sample(), history: history)))
        let text = DashboardView().render(state).text
        #expect(text.contains("Refreshes (3)"))
        #expect(text.contains("followers +251 (+2.6%)"))
        #expect(text.contains("engagement -0.10 pt"))
        #expect(text.contains("posts +1"))
        try DashboardFixtures.expectScreen(text, named: "creator-history-120x40")
    }

    @Test func exactNumbersReachTheRefreshesAndCutLinesSaySoAt80Columns() throws {
        let now = DashboardFixtures.now
        let history = [
            HistoryPoint(date: now - 86_400, followers: 20_412, engagement: 1.2, posts: 9),
            HistoryPoint(date: now, followers: 20_437, engagement: 1.1, posts: 10),
        ]
        var state = DashboardFixtures.state(width: 80, height: 60)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try Self.sample(), history: history)))
        #expect(DashboardView().render(state).text.contains("20.4k"))
        _ = reducer.reduce(&state, .key(.character("x")))
        let grid = DashboardView().render(state)
        #expect(grid.text.contains("20,437"), "x shows exact numbers in the Refreshes rows too")
        #expect(!grid.text.contains("20.4k"))
        for (row, line) in grid.lines.enumerated() where row > 0 && row < grid.height - 1 {
            let last = line.trimmingCharacters(in: .whitespaces).last
            let reachesTheEdge = DisplayWidth.of(line.replacing(/\ +$/, with: "")) >= grid.width - 1
            #expect(!reachesTheEdge || last == "…", "a line cut at the edge ends in an ellipsis: \(line)")
        }
    }

    @Test(arguments: RequestsScreenTests.sizes)
    func creatorPageScreens(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try Self.sample())))
        let text = DashboardView().render(state).text
        try DashboardFixtures.expectScreen(text, named: "creator-\(width)x\(height)")
        if width >= 80 {
            for expected in ["Anurag Gupta", "@anurag.itbhu05", "10.0k (10,001)", "+0.07%", "Followers", "Engagement"] {
                #expect(text.contains(expected), "missing \(expected)")
            }
        }
    }
}

@Suite("Creators list")
struct CreatorsListTests {
    let reducer = DashboardReducer()

    @Test func tabSwitchesListsAndKeysActOnTheCreators() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .key(.tab))
        #expect(state.tab == .creators)
        #expect(state.selectedCreator?.name == "Anurag Gupta", "most recently refreshed first")
        _ = reducer.reduce(&state, .key(.down))
        #expect(state.selectedCreator?.name == "Rohan Mehta")
        #expect(state.requests.selection == 0, "the requests selection does not move")
        #expect(reducer.reduce(&state, .key(.character("r"))) == [.submit(RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q"))])
        #expect(reducer.reduce(&state, .key(.enter)) == [.openLatest(state.selectedCreator!)])
        _ = reducer.reduce(&state, .problem("The response of the request is not in the store."))
        _ = reducer.reduce(&state, .key(.tab))
        #expect(state.tab == .rosters)
        _ = reducer.reduce(&state, .key(.tab))
        #expect(state.tab == .requests, "Tab goes round the three lists")
        _ = reducer.reduce(&state, .key(.backTab))
        #expect(state.tab == .rosters, "Shift-Tab goes back")
        _ = reducer.reduce(&state, .key(.backTab))
        #expect(state.tab == .creators)
    }

    @Test func aRequestsDetailsSayWhenItIsPolledNextAndHowManyPollsFailed() {
        let now = DashboardFixtures.now
        let row = RequestRow(
            id: 1, requestID: "r1", type: .instagram, target: "thetatvaindia", phase: .pending,
            detail: "the server cannot be reached", failedPolls: 3, submittedAt: now - 60, nextPollAt: now + 90)
        let facts = row.facts(now: now)
        #expect(facts.contains("Next poll  in 1m (\(Timestamp.text(now + 90)))"))
        #expect(facts.contains("Failed     3 polls in a row"))
        var ended = row
        ended.phase = .succeeded
        ended.failedPolls = 0
        #expect(!ended.facts(now: now).contains { $0.hasPrefix("Next poll") || $0.hasPrefix("Failed") })
    }

    @Test func sortingAndFilteringCreators() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .key(.tab))
        _ = reducer.reduce(&state, .key(.character("s")))
        #expect(state.creators.sort?.column == .name)
        #expect(state.creators.visibleRows.map(\.id) == [1, 2, 3])
        _ = reducer.reduce(&state, .key(.character("s")))
        #expect(state.creators.sort?.column == .handle, "every column shown is a sort")
        _ = reducer.reduce(&state, .key(.character("s")))
        #expect(state.creators.sort?.column == .platform)
        _ = reducer.reduce(&state, .key(.character("s")))
        #expect(state.creators.sort?.column == .tier)
        #expect(state.creators.visibleRows.map(\.tier) == ["mega", "micro", "nano"], "by rank, highest first")
        _ = reducer.reduce(&state, .key(.character("s")))
        #expect(state.creators.sort?.column == .followers)
        #expect(state.selectedCreator?.followers == 2_450_000, "largest first")
        _ = reducer.reduce(&state, .key(.character("/")))
        for character in "platform:youtube" { _ = reducer.reduce(&state, .key(.character(character))) }
        #expect(state.creators.visible.count == 1)
        _ = reducer.reduce(&state, .creatorsLoaded(DashboardFixtures.creators + [
            CreatorRow(id: 4, platform: .youtube, key: "ucnew", name: "New", lastRefreshedAt: DashboardFixtures.now)]))
        #expect(state.creators.visible.count == 2)
    }

    @Test func aQueryOnCreatorsNarrowsTheListAndABadTermIsPointedAtLeavingTheLastResult() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .key(.tab))
        _ = reducer.reduce(&state, .key(.character("/")))
        for character in "tier:micro,nano er>2" { _ = reducer.reduce(&state, .key(.character(character))) }
        #expect(state.creators.visibleRows.map(\.id) == [2])
        _ = reducer.reduce(&state, .key(.backspace))
        _ = reducer.reduce(&state, .key(.character(">")))
        _ = reducer.reduce(&state, .key(.character("3")))
        #expect(state.creators.visibleRows.map(\.id) == [2], "the last query that could be read stays")
        let text = DashboardView().render(state).text
        #expect(text.contains("/tier:micro,nano er>>3"))
        #expect(text.contains(">3 ^ expected a number after '>'"), "\(text)")
        for _ in 0..<2 { _ = reducer.reduce(&state, .key(.backspace)) }
        _ = reducer.reduce(&state, .key(.character("1")))
        #expect(state.creators.visibleRows.map(\.id) == [1, 2])
        #expect(!DashboardView().render(state).text.contains("^ expected"))
    }
}

@Suite("A new request for a target already under way")
struct JoinedRequestTests {
    let reducer = DashboardReducer()
    let target = RefreshTarget(uncheckedType: .instagram, value: "thetatvaindia")

    func joined() -> DashboardState {
        var state = DashboardFixtures.state(width: 80, height: 24)
        var row = DashboardFixtures.rows.first { $0.target == "thetatvaindia" }!
        row.submittedBy = "bob@studio"
        _ = reducer.reduce(&state, .joined(target, row))
        return state
    }

    @Test func itSaysWhoSubmittedItAndThatNothingWasSent() throws {
        let state = joined()
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "joined-80x24")
        let text = DashboardView().render(state).text
        #expect(text.contains("submitted by bob@studio"))
        #expect(text.contains("Nothing was sent"))
    }

    @Test func enterFollowsTheExistingRequestAndFForcesANewOne() {
        var following = joined()
        #expect(reducer.reduce(&following, .key(.enter)).isEmpty)
        #expect(following.overlay == nil)
        #expect(following.selectedRow?.target == "thetatvaindia", "the existing request is selected")

        var forcing = joined()
        #expect(reducer.reduce(&forcing, .key(.character("f"))) == [.forceSubmit(target)])
        #expect(forcing.overlay == nil)

        var cancelling = joined()
        #expect(reducer.reduce(&cancelling, .key(.escape)).isEmpty)
        #expect(cancelling.overlay == nil)
    }

    @Test func theBoxFollowsTheRequestItJoinedAndNamesItsOwnKeys() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        var row = state.requests.row(2)!
        _ = reducer.reduce(&state, .joined(RefreshTarget(uncheckedType: .youtube, value: row.target), row))
        let underWay = DashboardView().render(state)
        #expect(underWay.text.contains("Already under way") && underWay.text.contains("is pending"))
        #expect(underWay.lines.last?.hasPrefix(" Enter follow  f submit anyway  Esc cancel") == true, "the box's keys, not the list's")
        #expect(reducer.reduce(&state, .key(.tab)).isEmpty && state.overlay != nil, "Tab is no key of the box")
        row.phase = .succeeded
        row.finishedAt = DashboardFixtures.now
        _ = reducer.reduce(&state, .updated([row]))
        let ended = DashboardView().render(state).text
        #expect(ended.contains("Refreshed recently") && ended.contains("succeeded <10s ago"), "the box says the request ended")
        _ = reducer.reduce(&state, .removed([row.id]))
        #expect(state.overlay == nil, "and closes when it is forgotten")
    }

    @Test func aWholeListReadAgainUpdatesTheBoxOrClosesIt() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        var row = state.requests.row(2)!
        _ = reducer.reduce(&state, .joined(RefreshTarget(uncheckedType: .youtube, value: row.target), row))
        row.phase = .succeeded
        row.finishedAt = DashboardFixtures.now
        // After the store came back (a ledger reconnected) the list is read whole, not as changes.
        _ = reducer.reduce(&state, .loaded(DashboardFixtures.rows.map { $0.id == row.id ? row : $0 }))
        #expect(DashboardView().render(state).text.contains("Refreshed recently"), "the box says the request ended")
        _ = reducer.reduce(&state, .loaded(DashboardFixtures.rows.filter { $0.id != row.id }))
        #expect(state.overlay == nil, "a request gone from the list closes the box")
        #expect(state.notice?.text.contains("forgotten meanwhile") == true)
    }
}

@Suite("A large store's first page")
struct FirstPageTests {
    let reducer = DashboardReducer()

    @Test func theNewestShowAtOnceAndTheHeaderSaysTheRestAreBeingRead() {
        var state = DashboardState(now: DashboardFixtures.now, source: "ledger team@db")
        _ = reducer.reduce(&state, .resize(width: 120, height: 24))
        _ = reducer.reduce(&state, .firstPage(DashboardFixtures.rows, total: 100_000))
        let first = DashboardView().render(state).text
        #expect(first.contains("reading 100,000 requests…"))
        #expect(first.contains("thetatvaindia"))
        #expect(!first.contains("pending 1"), "no counts of a part taken for the whole")

        _ = reducer.reduce(&state, .loaded(DashboardFixtures.rows))
        let loaded = DashboardView().render(state).text
        #expect(!loaded.contains("reading"))
        #expect(loaded.contains("pending 1"))
        _ = reducer.reduce(&state, .firstPage([], total: 100_000))
        #expect(state.lists!.requests.loadingTotal == nil, "a first page after the whole list changes nothing")
    }
}

@Suite("Filtering a team's requests")
struct SubmitterFilterTests {
    @Test func theFilterFindsWhatATeammateSubmitted() {
        var state = DashboardFixtures.state(width: 160, height: 24)
        var rows = DashboardFixtures.rows
        rows[2].submittedBy = "bob@studio"
        state.load(rows)
        state.press(.character("/"))
        state.type("BOB")
        #expect(state.requests.visibleRows.map(\.submittedBy) == ["bob@studio"])
    }
}
