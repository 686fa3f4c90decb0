import Foundation
import RefreshAPI
import Testing
@testable import DashboardCore

/// A screen never shows a command it does not do: on every screen and box, each command it offers (in its help and
/// on the status bar) changes something, asks for work or says something when its key is pressed; a key bound to a
/// command it does not offer does nothing.
@Suite("What every screen offers, it does")
struct OfferedCommandsTests {
    let reducer = DashboardReducer()

    /// Thirty requests, the selection in the middle.
    static func manyRequests(width: Int = 120, height: Int = 24) -> DashboardState {
        var state = DashboardFixtures.state(width: width, height: height)
        let now = DashboardFixtures.now
        var rows: [RequestRow] = []
        for index in 1...30 {
            let finished = index % 3 == 0
            let submittedAt: Date = now - Double(index * 60)
            rows.append(
                RequestRow(
                    id: Int64(index), requestID: String(format: "65b87c8576c9b42b3a2858%02d", index), type: .instagram,
                    target: "creator\(index)", phase: finished ? .succeeded : .pending, submittedAt: submittedAt,
                    finishedAt: finished ? submittedAt + 10 : nil, followers: finished ? index * 1_000 : nil))
        }
        state.load(rows)
        for _ in 0..<12 { state.press(.down) }
        return state
    }

    /// Every screen and box, each where its commands have room to act: moves in the middle of what they move
    /// through, two creators marked where marks count, a filter set where clearing it is offered.
    static func scenarios() throws -> [(name: String, state: DashboardState)] {
        var scenarios: [(String, DashboardState)] = []
        let requests = manyRequests()
        scenarios.append(("Requests", requests))
        var filtered = requests
        filtered.press(.character("/"))
        filtered.type("creator1")
        filtered.press(.enter, .down)
        scenarios.append(("Requests, filtered", filtered))
        var pausedOnASucceeded = requests
        pausedOnASucceeded.press(.character("p"))
        while pausedOnASucceeded.selectedRow?.phase != .succeeded { pausedOnASucceeded.press(.down) }
        scenarios.append(("Requests, paused, on a finished request", pausedOnASucceeded))

        var creators = RosterFixtures.state(width: 120, height: 24)
        creators.showTab(.creators)
        creators.markCreators([10, 12])
        creators.press(.character("g"), .down, .down)
        scenarios.append(("Creators, two marked", creators))

        var rosters = RosterFixtures.state(width: 120, height: 24)
        rosters.showTab(.rosters)
        scenarios.append(("Rosters", rosters))

        var roster = rosters
        roster.press(.enter, .character(" "), .character(" "))
        scenarios.append(("A roster, two marked", roster))

        var page = DashboardFixtures.state(width: 80, height: 24)
        _ = DashboardReducer().reduce(&page, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        page.press(.down, .down, .down)
        scenarios.append(("Creator page", page))

        var onlyPage = DashboardFixtures.state(width: 80, height: 24)
        onlyPage.start(on: Screen.opening(CreatorPage(record: try CreatorPageTests.sample()), postsSort: DashboardSettings().postsSort))
        onlyPage.press(.down, .down, .down)
        scenarios.append(("Creator page of a file", onlyPage))

        var posts = DashboardFixtures.state(width: 120, height: 24)
        _ = DashboardReducer().reduce(&posts, .creatorLoaded(CreatorPage(record: CreatorPanelsTests.youTubeChannel())))
        posts.press(.character("p"), .down, .down, .down)
        scenarios.append(("Posts", posts))

        var post = posts
        post.press(.enter)
        scenarios.append(("A post", post))

        var comparison = RosterFixtures.state(width: 80, height: 24)
        _ = DashboardReducer().reduce(&comparison, .comparisonLoaded(RosterFixtures.compared.map { ComparedCreator(row: $0.0, record: $0.1) }))
        comparison.press(.down, .down, .down)
        scenarios.append(("Comparison", comparison))

        var setup = DashboardFixtures.state(width: 80, height: 24)
        setup.start(on: [.setup(SetupScreen(hint: "No API token is configured."))])
        scenarios.append(("Setup", setup))

        var help = requests
        help.press(.character("?"))
        scenarios.append(("Help", help))

        var form = requests
        form.press(.character("n"))
        form.type("@thetatvaindia")
        scenarios.append(("New request", form))

        var confirm = requests
        confirm.press(.character("d"))
        scenarios.append(("Forget?", confirm))

        var details = requests
        details.press(.enter)
        scenarios.append(("A request's details", details))

        var joined = requests
        _ = DashboardReducer().reduce(
            &joined, .joined(RefreshTarget(uncheckedType: .instagram, value: "creator3"), requests.requests.row(3)!))
        scenarios.append(("Already under way", joined))

        var adding = creators
        adding.press(.character("a"))
        adding.type("sum")
        scenarios.append(("Add to roster", adding))

        var views = SavedViewsTests.state(width: 120, height: 24)
        views.press(.character("V"), .down)
        scenarios.append(("Views", views))

        var renaming = rosters
        renaming.press(.character("N"))
        scenarios.append(("Rename roster", renaming))

        var inAView = SavedViewsTests.state(width: 120, height: 24)
        inAView.press(.character("V"), .down, .enter)
        scenarios.append(("Creators, in a view", inAView))

        // Where there is little to act on: a filter that lets nothing through, one row, nothing marked, a page that fits.
        var creatorsFilteredToNothing = RosterFixtures.state(width: 120, height: 24)
        creatorsFilteredToNothing.showTab(.creators)
        creatorsFilteredToNothing.press(.character("/"))
        creatorsFilteredToNothing.type("no such creator")
        creatorsFilteredToNothing.press(.enter)
        scenarios.append(("Creators, filtered to nothing", creatorsFilteredToNothing))
        var rosterFilteredToNothing = rosters
        rosterFilteredToNothing.press(.enter, .character("/"))
        rosterFilteredToNothing.type("no such creator")
        rosterFilteredToNothing.press(.enter)
        scenarios.append(("A roster, filtered to nothing", rosterFilteredToNothing))
        var oneRow = DashboardFixtures.state(width: 120, height: 24)
        oneRow.load([DashboardFixtures.rows[0]])
        scenarios.append(("Requests, one row", oneRow))
        var noRows = DashboardFixtures.state(width: 120, height: 24)
        noRows.load([RequestRow]())
        scenarios.append(("Requests, none", noRows))
        var tallPage = DashboardFixtures.state(width: 200, height: 60)
        _ = DashboardReducer().reduce(&tallPage, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        scenarios.append(("Creator page that fits", tallPage))
        return scenarios
    }

    @Test func everyCommandOfferedDoesSomething() throws {
        for (name, state) in try Self.scenarios() {
            let front = state.overlay?.component ?? state.screen.component
            let offers = front.offers(state.shared)
            #expect(!offers.isEmpty, "\(name) offers nothing")
            for offer in offers {
                #expect(front.context.commands.contains(offer.command), "\(name) offers \(offer.command), which its keys cannot bind")
                guard let key = state.shared.bindings.keys(for: offer.command, in: front.context).first else {
                    Issue.record("\(name) offers \(offer.command) without a key")
                    continue
                }
                var pressed = state
                let effects = reducer.reduce(&pressed, .key(key))
                #expect(!effects.isEmpty || Self.changed(state, pressed), "\(name): \(key.configName) (\(offer.command)) did nothing")
            }
        }
    }

    /// Whether pressing a key changed the state in more than the notice it cleared: a new notice counts.
    static func changed(_ before: DashboardState, _ after: DashboardState) -> Bool {
        if let notice = after.shared.notice, notice != before.shared.notice { return true }
        var (before, after) = (before, after)
        before.shared.clearNotice()
        after.shared.clearNotice()
        return before != after
    }

    @Test func aKeyOfACommandNotOfferedDoesNothing() throws {
        for (name, state) in try Self.scenarios() {
            let front = state.overlay?.component ?? state.screen.component
            guard !front.isTyping else { continue }
            let offered = Set(front.offers(state.shared).map(\.command))
            for binding in state.shared.bindings.table[front.context] ?? [] where !offered.contains(binding.command) {
                // Any other key keeps a request the box asks about: that is the box's own rule.
                if front.context == .confirm { continue }
                var pressed = state
                let effects = reducer.reduce(&pressed, .key(binding.key))
                #expect(effects.isEmpty && !Self.changed(state, pressed), "\(name): \(binding.key.configName) (\(binding.command)) is not offered but acted")
            }
        }
    }

    @Test func theStatusBarAndTheHelpNameOnlyWhatIsOffered() throws {
        var rosters = RosterFixtures.state(width: 200, height: 60)
        rosters.showTab(.rosters)
        let bar = DashboardView().render(rosters).lines.last ?? ""
        #expect(!bar.contains("forget") && !bar.contains("mark"), "the Rosters list forgets and marks nothing: \(bar)")
        #expect(bar.contains("s/S sort"), "and sorts: \(bar)")
        rosters.press(.character("?"))
        let help = DashboardView().render(rosters).text
        #expect(!help.contains("forget the selected request") && !help.contains("mark or unmark"))

        var paused = DashboardFixtures.state(width: 120, height: 40)
        paused.press(.character("p"))
        let pausedBar = DashboardView().render(paused).lines.last ?? ""
        #expect(pausedBar.contains("p resume") && !pausedBar.contains("p pause"), "paused, p resumes: \(pausedBar)")

        var tooMany = RosterFixtures.state(width: 160, height: 40)
        tooMany.showTab(.creators)
        tooMany.press(.character("*"))
        _ = reducer.reduce(&tooMany, .tick(DashboardFixtures.now + 11))
        let tooManyBar = DashboardView().render(tooMany).lines.last ?? ""
        #expect(tooManyBar.contains("r refresh 7") && !tooManyBar.contains("compare"), "seven marked: no comparison offered: \(tooManyBar)")
        _ = reducer.reduce(&tooMany, .key(.character("c")))
        #expect(tooMany.notice?.text.contains("7 marked now") == true, "and c says how many are marked: \(tooMany.notice?.text ?? "")")
    }

    @Test func everyKeyOfEveryBoxCanBeRebound() throws {
        var settings = DashboardSettings()
        settings.bindings.bind(.forceSubmit, to: [.character("!")], in: .joined)
        settings.bindings.bind(.confirm, to: [.character("x")], in: .confirm)
        var state = DashboardFixtures.state(width: 120, height: 40, settings: settings)
        let row = state.requests.row(2)!
        _ = reducer.reduce(&state, .joined(RefreshTarget(uncheckedType: .youtube, value: row.target), row))
        let box = DashboardView().render(state).text
        #expect(box.contains("! submits a new one anyway") && !box.contains("f submits"), "the box names the key bound")
        #expect(reducer.reduce(&state, .key(.character("f"))).isEmpty)
        #expect(reducer.reduce(&state, .key(.character("!"))) == [.forceSubmit(RefreshTarget(uncheckedType: .youtube, value: row.target))])
        _ = reducer.reduce(&state, .submissionEnded(RefreshTarget(uncheckedType: .youtube, value: row.target)))

        state.press(.character("d"))
        #expect(DashboardView().render(state).text.contains("x forgets"))
        #expect(reducer.reduce(&state, .key(.character("x"))) == [.forget(state.selectedRow!)])
    }
}
