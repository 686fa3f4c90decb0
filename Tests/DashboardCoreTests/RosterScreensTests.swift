import Foundation
import Presentation
import RefreshAPI
import RefreshTracking
import Testing
@testable import DashboardCore

/// Creators with trends and posts made up for the screens of rosters and comparisons.
enum RosterFixtures {
    /// A creator's refresh: `followers` growing by `growth` (a share over the window), engagement drifting, `posts`
    /// posts on a weekly rhythm.
    static func record(
        _ platform: Platform, _ handle: String, id: String, followers: Double, growth: Double, engagement: Double,
        posts: Int, startDay: Int = 0
    ) -> RefreshRecord {
        let start = CalendarDate(year: 2026, month: 6, day: 1)!.daysSinceEpoch + startDay
        var followerPoints: [TrendPoint] = []
        var engagementPoints: [TrendPoint] = []
        for index in 0..<60 {
            let date = CalendarDate(daysSinceEpoch: start + index * 3)
            followerPoints.append(TrendPoint(date: date, value: followers * (1 + growth * Double(index) / 59)))
            engagementPoints.append(TrendPoint(date: date, value: engagement + sin(Double(index) / 5) * 0.3))
        }
        let made = (0..<posts).map { index in
            Post(
                shortcode: "\(handle)\(index)", postedDate: CalendarDate(daysSinceEpoch: start + 178 - index * (index % 3 + 1)),
                caption: "post \(index)", likes: Int(followers / 40) + index * 7, comments: 10 + index,
                views: platform == .youtube ? Int(followers / 3) + index * 11 : nil, sponsored: index % 5 == 0)
        }
        let type: RequestType = platform == .youtube ? .youtube : .instagram
        return RefreshRecord(
            requestID: RequestID(id), request: EchoedRequest(RefreshTarget(uncheckedType: type, value: handle)),
            response: CreatorReport(
                growthTrends: GrowthTrends(
                    followers: followerPoints, engagement: engagementPoints, monthlyFollowersGrowth: growth * 10,
                    quarterlyFollowersGrowth: growth * 30, yearlyFollowersGrowth: growth * 100,
                    monthlyEngagementGrowth: -growth, quarterlyEngagementGrowth: growth / 2, yearlyEngagementGrowth: nil),
                posts: platform == .youtube ? Posts(video: made) : Posts(video: Array(made.prefix(posts / 3)), nonVideo: Array(made.dropFirst(posts / 3))),
                profileDetails: ProfileDetails(fullName: handle.capitalized),
                profileOverview: ProfileOverview(
                    handle: platform == .instagram ? handle : nil, channelID: platform == .youtube ? handle : nil,
                    followers: Int(followers * (1 + growth)), following: platform == .instagram ? 300 + posts : nil,
                    posts: posts * 4, engagement: engagement, contentPerWeek: Double(posts) / 26)),
            status: RefreshStatus(code: 200, message: "success"))
    }

    private static let made: [(Platform, String, Double, Double, Double, Int)] = [
        (.instagram, "thetatvaindia", 10_001.0, 0.12, 2.4, 40),
        (.youtube, "UCurYxozQbvKn-oNUxNJh45Q", 91_238, 0.05, 4.35, 26),
        (.instagram, "chai.and.code", 2_450_000, 0.31, 0.9, 120),
        (.youtube, "UC_x5XG1OV2P6uZZ5FSM9Ttw", 4_100, -0.04, 6.1, 8),
    ]

    static let compared: [(CreatorRow, RefreshRecord)] = made.enumerated().map { index, creator in
        let (platform, handle, followers, growth, engagement, posts) = creator
        let id = "65b87c8576c9b42b3a28590\(index)"
        let row = CreatorRow(
            id: Int64(10 + index), platform: platform, key: handle, handle: handle, name: handle.capitalized,
            tier: InfluencerTier(followers: Int(followers)).rawValue, followers: Int(followers), engagement: engagement,
            contentPerWeek: Double(posts) / 26, lastRefreshedAt: DashboardFixtures.now - Double(index * 3_600),
            latestRequestID: id)
        return (row, record(platform, handle, id: id, followers: followers, growth: growth, engagement: engagement, posts: posts, startDay: index * 2))
    }

    static var rosters: [RosterRow] {
        let creators = DashboardFixtures.creators
        return [
            RosterRow(
                storeID: 1, name: "summer-26", maxAge: 7 * 86_400,
                members: [
                    .init(target: RefreshTarget(uncheckedType: .instagram, value: "thetatvaindia"), creator: creators[0], isStale: false),
                    .init(target: RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q"), creator: creators[1], isStale: true),
                    .init(target: RefreshTarget(uncheckedType: .instagramID, value: "2121125346"), creator: creators[2], isStale: false),
                    .init(target: RefreshTarget(uncheckedType: .instagram, value: "zoe.travels"), creator: nil, isStale: true),
                ],
                stale: 2, totalFollowers: 2_461_542, medianEngagement: 1.1, postsPerWeek: 8.7,
                tiers: [.init(name: "nano", count: 1), .init(name: "micro", count: 1), .init(name: "mega", count: 1)]),
            RosterRow(
                name: "brand-x", maxAge: nil,
                members: [.init(target: RefreshTarget(uncheckedType: .instagram, value: "thetatvaindia"), creator: creators[0], isStale: false)],
                stale: 0, totalFollowers: 10_001, medianEngagement: 1.1, postsPerWeek: 1.2, tiers: [.init(name: "micro", count: 1)]),
        ]
    }

    static func state(width: Int, height: Int) -> DashboardState {
        var state = DashboardFixtures.state(width: width, height: height)
        state.load(DashboardFixtures.creators + compared.map(\.0))
        state.load(rosters)
        return state
    }
}

@Suite("Rosters, marks and comparisons")
struct RosterScreensTests {
    let reducer = DashboardReducer()

    @Test(arguments: CreatorPanelsTests.sizes)
    func rostersListAndARostersCreators(width: Int, height: Int) throws {
        var state = RosterFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .key(.tab))
        _ = reducer.reduce(&state, .key(.tab))
        #expect(state.tab == .rosters)
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "rosters-\(width)x\(height)")
        #expect(state.rosters.visibleRows.map(\.name) == ["brand-x", "summer-26"], "by name")
        _ = reducer.reduce(&state, .key(.down))
        _ = reducer.reduce(&state, .key(.enter))
        #expect(state.rosterScreen?.name == "summer-26")
        _ = reducer.reduce(&state, .key(.character(" ")))
        _ = reducer.reduce(&state, .key(.character(" ")))
        #expect(
            state.rosterScreen?.list.marked
                == [RefreshTarget(uncheckedType: .instagram, value: "thetatvaindia"), RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")],
            "Space marks and moves on")
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "roster-\(width)x\(height)")
    }

    @Test func thePreviewPaneSumsUpTheSelectedRosterAndListsItsCreators() {
        var state = RosterFixtures.state(width: 200, height: 60)
        _ = reducer.reduce(&state, .key(.tab))
        _ = reducer.reduce(&state, .key(.tab))
        _ = reducer.reduce(&state, .key(.down))
        let pane = DashboardView().render(state).lines.map { line in
            String(line.split(separator: "│", omittingEmptySubsequences: false).dropFirst().joined(separator: "│"))
                .trimmingCharacters(in: .whitespaces)
        }
        #expect(pane.contains("summer-26"))
        #expect(pane.contains { $0.hasPrefix("4 creators, 2 stale (kept fresh within") })
        #expect(pane.contains("Followers  2.46M in all"))
        #expect(pane.contains("Tiers      nano 1, micro 1, mega 1"))
        let creators = pane.drop { $0 != "CREATORS, most followers first" }.dropFirst().prefix(4)
        #expect(creators.count == 4, "every creator of the roster")
        #expect(creators.first?.hasPrefix("@") == true)
    }

    @Test(arguments: [(2, 80, 24), (3, 120, 40), (4, 200, 60), (4, 80, 24)])
    func comparison(count: Int, width: Int, height: Int) throws {
        var state = RosterFixtures.state(width: width, height: height)
        let creators = RosterFixtures.compared.prefix(count).map { ComparedCreator(row: $0.0, record: $0.1) }
        _ = reducer.reduce(&state, .comparisonLoaded(creators))
        try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "compare\(count)-\(width)x\(height)")
        if count > 2, width == 80 {
            _ = reducer.reduce(&state, .key(.right))
            guard case .compare(let comparison) = state.screen else { throw Expected.screen }
            #expect(comparison.comparison.first(width: width) == 2, "→ shows the next two")
            try DashboardFixtures.expectScreen(DashboardView().render(state).text, named: "compare\(count)-\(width)x\(height)-next")
        }
    }

    enum Expected: Error { case screen }

    @Test func aFigureEveryCreatorHasAlikeGetsNoStar() {
        var state = RosterFixtures.state(width: 120, height: 40)
        let (row, record) = RosterFixtures.compared[0]
        var twin = row
        twin.id += 1000
        _ = reducer.reduce(&state, .comparisonLoaded([ComparedCreator(row: row, record: record), ComparedCreator(row: twin, record: record)]))
        let text = DashboardView().render(state).text
        #expect(text.contains("Engagement rate"))
        #expect(!text.contains("★"), "a tie of every creator marks nobody:\n\(text)")
    }

    @Test func aRosterIsDeletedAndItsCreatorsRemovedOnlyAfterAYes() {
        var state = RosterFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .key(.tab))
        _ = reducer.reduce(&state, .key(.tab))
        _ = reducer.reduce(&state, .key(.down))
        #expect(reducer.reduce(&state, .key(.character("d"))).isEmpty)
        var text = DashboardView().render(state).text
        #expect(text.contains("Delete the roster summer-26 ("), "\(text)")
        #expect(text.contains("for everyone using this store? Their requests and figures stay."))
        #expect(reducer.reduce(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil)
        #expect(DashboardView().render(state).text.contains("Nothing changed."))
        _ = reducer.reduce(&state, .key(.character("d")))
        #expect(reducer.reduce(&state, .key(.character("y"))) == [.deleteRoster(name: "summer-26")])

        _ = reducer.reduce(&state, .key(.enter))
        _ = reducer.reduce(&state, .key(.character(" ")))
        _ = reducer.reduce(&state, .key(.character(" ")))
        _ = reducer.reduce(&state, .key(.character("d")))
        text = DashboardView().render(state).text
        #expect(text.contains("Remove 2 creators from the roster summer-26?"), "\(text)")
        #expect(reducer.reduce(&state, .key(.character("n"))).isEmpty, "n changes nothing")
        _ = reducer.reduce(&state, .key(.character("d")))
        #expect(
            reducer.reduce(&state, .key(.character("y"))) == [
                .removeFromRoster(
                    name: "summer-26",
                    [RefreshTarget(uncheckedType: .instagram, value: "thetatvaindia"), RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")])
            ])
    }

    @Test func aRosterIsRenamedOnScreenWithTheRulesOfANameSaidInTheBox() {
        var state = RosterFixtures.state(width: 120, height: 40)
        state.showTab(.rosters)
        state.press(.down)
        state.press(.character("N"))
        var text = DashboardView().render(state).text
        #expect(text.contains("Rename the roster summer-26 for everyone using this store:"), "\(text)")
        #expect(text.contains("New name: summer-26"))
        state.press(.control("u"))
        state.type("winter 26")
        #expect(reducer.reduce(&state, .key(.enter)).isEmpty)
        text = DashboardView().render(state).text
        #expect(text.contains("holds a space"), "\(text)")
        state.press(.control("u"))
        state.type("BRAND-X")
        #expect(reducer.reduce(&state, .key(.enter)).isEmpty, "a name another roster has is refused in the box")
        #expect(DashboardView().render(state).text.contains("another roster is named 'brand-x' already"))
        #expect(state.overlay != nil, "and the box stays open for another name")
        state.press(.control("u"))
        state.type("winter-26")
        #expect(reducer.reduce(&state, .key(.enter)) == [.renameRoster("summer-26", to: try! RosterName("winter-26"))])
        #expect(state.overlay == nil)

        _ = reducer.reduce(&state, .rosterRenameRefused(name: "summer-26", typed: "winter-26", reason: "another roster is named 'winter-26' already"))
        text = DashboardView().render(state).text
        #expect(text.contains("New name: winter-26") && text.contains("! another roster is named 'winter-26' already"), "a refusal from the store opens the box again: \(text)")
        state.press(.escape)

        state.press(.character("N"))
        #expect(reducer.reduce(&state, .key(.enter)).isEmpty, "the same name changes nothing")
        #expect(state.notice?.text == "The roster keeps its name.")
        state.press(.character("N"))
        state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test func anOpenRosterFollowsARenameMadeElsewhereAndSaysWhenItIsDeleted() {
        var state = RosterFixtures.state(width: 120, height: 40)
        state.showTab(.rosters)
        state.press(.down, .enter)
        #expect(state.rosterScreen?.name == "summer-26")
        var renamed = RosterFixtures.rosters
        renamed[0].name = "autumn-26"
        _ = reducer.reduce(&state, .rostersLoaded(renamed))
        #expect(state.rosterScreen?.name == "autumn-26", "followed by the store's number")
        #expect(state.notice?.text == "The roster summer-26 is now named autumn-26.")
        let text = DashboardView().render(state).text
        #expect(text.contains("autumn-26") && !text.contains("This roster was deleted."), "\(text)")
        _ = reducer.reduce(&state, .rostersLoaded(Array(renamed.dropFirst())))
        #expect(DashboardView().render(state).text.contains("This roster was deleted."))
    }

    @Test func marksRefreshCompareAndAddToARoster() throws {
        var state = RosterFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .key(.tab))
        #expect(reducer.reduce(&state, .key(.character("c"))).isEmpty)
        #expect(state.notice?.isError == true && state.notice?.text.contains("Mark 2 to 4") == true)
        _ = reducer.reduce(&state, .key(.character("*")))
        #expect(state.creators.marked.count == state.creators.rows.count, "* marks every creator shown")
        _ = reducer.reduce(&state, .key(.character("*")))
        #expect(state.creators.marked.isEmpty, "and again unmarks them")

        state.markCreators([10, 12])
        let refresh = reducer.reduce(&state, .key(.character("r")))
        #expect(refresh == [.submitMany([
            RefreshTarget(uncheckedType: .instagram, value: "chai.and.code"),
            RefreshTarget(uncheckedType: .instagram, value: "thetatvaindia"),
        ], join: .standard)])
        let compare = reducer.reduce(&state, .key(.character("c")))
        #expect(compare == [.compare([RosterFixtures.compared[2].0, RosterFixtures.compared[0].0])], "biggest first")
        _ = reducer.reduce(&state, .problem("unreadable"))

        _ = reducer.reduce(&state, .key(.character("a")))
        guard case .addToRoster(let adding) = state.overlay else { throw RosterScreensTests.Expected.screen }
        let targets = adding.targets
        #expect(targets.count == 2)
        for character in "sum" { _ = reducer.reduce(&state, .key(.character(character))) }
        _ = reducer.reduce(&state, .key(.tab))
        #expect(DashboardView().render(state).text.contains("Name: summer-26"), "Tab completes a roster's name")
        #expect(reducer.reduce(&state, .key(.enter)) == [.addToRoster(name: "summer-26", targets)])
        #expect(state.overlay == nil)
        _ = reducer.reduce(&state, .rosterAdditionRefused(name: "my list", targets, reason: "a roster name is one word; 'my list' holds a space"))
        let box = DashboardView().render(state).text
        #expect(box.contains("Name: my list") && box.contains("! a roster name is one word"), "the box opens again with the name and why")
    }

    @Test func theFilterFindsRostersByName() {
        var state = RosterFixtures.state(width: 120, height: 40)
        state.showTab(.rosters)
        _ = reducer.reduce(&state, .key(.character("/")))
        for character in "bra" { _ = reducer.reduce(&state, .key(.character(character))) }
        #expect(state.rosters.visibleRows.map(\.name) == ["brand-x"])
        #expect(DashboardView().render(state).text.contains("(1 of 2)"))
        _ = reducer.reduce(&state, .key(.enter))
        _ = reducer.reduce(&state, .key(.enter))
        #expect(state.rosterScreen?.name == "brand-x", "Enter opens the roster found")
    }

    @Test func aRostersStaleCreatorsAreRefreshedWithR() {
        var state = RosterFixtures.state(width: 120, height: 40)
        state.showTab(.rosters)
        state.press(.down)
        #expect(reducer.reduce(&state, .key(.character("R"))) == [.submitMany([
            RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q"),
            RefreshTarget(uncheckedType: .instagram, value: "zoe.travels"),
        ], join: .standard)])
        _ = reducer.reduce(&state, .key(.enter))
        _ = reducer.reduce(&state, .key(.down))
        #expect(reducer.reduce(&state, .key(.character("r"))) == [.submitMany([
            RefreshTarget(uncheckedType: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q"),
        ], join: .standard)], "r without marks refreshes the selected creator")
        _ = reducer.reduce(&state, .key(.character("G")))
        #expect(reducer.reduce(&state, .key(.enter)).isEmpty, "a creator never refreshed has no page")
        #expect(state.notice?.text.contains("r refreshes it") == true)
        _ = reducer.reduce(&state, .key(.escape))
        #expect(state.showsList(.rosters))
    }

    @Test func aComparisonExportsAsCSVWithEveryFigureInFull() throws {
        var state = RosterFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .comparisonLoaded(RosterFixtures.compared.prefix(2).map { ComparedCreator(row: $0.0, record: $0.1) }))
        guard case .exportComparison(let comparison) = reducer.reduce(&state, .key(.character("e"))).first else {
            throw Expected.screen
        }
        let csv = ComparisonCSV.text(comparison)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines[0] == "figure,thetatvaindia,UCurYxozQbvKn-oNUxNJh45Q")
        #expect(lines.contains("Followers,11201,95799"))
        #expect(lines.contains("Engagement rate (%),2.4000,4.3500"))
        #expect(lines.contains { $0.hasPrefix("\"Followers, month (%)\",1.2000,0.5000") })
    }

    @Test func postingActivityCountsWeeksAndWeekdays() {
        let monday = CalendarDate(year: 2026, month: 11, day: 30)!
        let posts = (0..<10).map { Post(postedDate: CalendarDate(daysSinceEpoch: monday.daysSinceEpoch - $0 * 7), caption: "") }
            + [Post(postedDate: CalendarDate(year: 2026, month: 11, day: 29), caption: "", sponsored: true)]
        let activity = PostingActivity(posts: Posts(nonVideo: posts), trends: nil)
        #expect(activity.byWeekday == [10, 0, 0, 0, 0, 0, 1], "30 Nov 2026 is a Monday; 29 Nov a Sunday")
        #expect(activity.weekly.count == 10 && activity.weekly.reduce(0, +) == 11)
        #expect(activity.sponsoredShare == 1.0 / 11)
    }
}

@Suite("Telling that refreshes finished")
struct NotificationTests {
    let reducer = DashboardReducer()

    private func ended(_ state: DashboardState, id: Int64, _ phase: RequestRow.Phase, detail: String? = nil) -> RequestRow {
        var row = state.requests.row(id)!
        row.phase = phase
        row.detail = detail
        return row
    }

    @Test func nobodyIsToldWhileTheRequestsListIsInFront() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        #expect(reducer.reduce(&state, .updated([ended(state, id: 2, .succeeded)])).isEmpty)
    }

    @Test func aRefreshThatEndsBehindAnotherWindowOrScreenRingsTheBell() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .focus(false))
        #expect(
            reducer.reduce(&state, .updated([ended(state, id: 2, .succeeded)]))
                == [.notify("ylytic: youtube UCurYxozQbvKn-oNUxNJh45Q succeeded", .bell)])
        #expect(reducer.reduce(&state, .updated([ended(state, id: 2, .succeeded)])).isEmpty, "an end is told once")

        var other = DashboardFixtures.state(width: 120, height: 40)
        other.shared.settings.notify = .osc
        _ = reducer.reduce(&other, .key(.tab))
        let both = [ended(other, id: 2, .failed, detail: "failed: private"), ended(other, id: 4, .succeeded)]
        #expect(reducer.reduce(&other, .updated(both)) == [.notify("ylytic: 2 refreshes finished, 1 succeeded, 1 failed", .osc)])

        var quiet = DashboardFixtures.state(width: 120, height: 40)
        quiet.shared.settings.notify = .off
        _ = reducer.reduce(&quiet, .key(.tab))
        #expect(reducer.reduce(&quiet, .updated([ended(quiet, id: 2, .succeeded)])).isEmpty, "off tells nothing")
    }
}
