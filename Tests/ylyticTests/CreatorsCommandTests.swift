import Foundation
import RefreshAPI
import RefreshStore
import RefreshTestSupport
import RefreshTracking
import Testing

/// `ylytic creators`: the Creators tab's twin on the command line.
@Suite("ylytic creators")
struct CreatorsCommandTests {
    /// A store with an Instagram creator refreshed twice (in a roster with a maximum age of a day) and a YouTube one.
    static func store() async throws -> CLIHarness {
        let cli = CLIHarness([])
        let store = try RefreshStore(url: URL(fileURLWithPath: try #require(cli.environment["YLYTIC_STORE"])))
        let date = cli.time.now - 3 * 86_400
        for (index, followers) in [40_000, 42_000].enumerated() {
            var record = StoreSamples.record("i\(index)", message: "success", followers: followers, handle: "priya.cooks")
            record.response?.profileOverview?.engagement = 4.2
            record.response?.profileDetails?.category = "Food"
            record.response?.profileDetails?.city = "Pune"
            record.response?.profileDetails?.country = "India"
            try await store.recordSubmittedAndFinished(record, body: Data("{}".utf8), at: date + Double(index))
        }
        var tech = StoreSamples.record(
            "y1", message: "success", followers: 750_000, handle: "UCtechtalk0000000000000a", type: .youtube)
        tech.response?.profileDetails?.fullName = "Tech Talk"
        tech.response?.profileDetails?.category = "Technology"
        tech.response?.profileOverview?.engagement = 2.5
        try await store.recordSubmittedAndFinished(tech, body: Data("{}".utf8), at: cli.time.now - 3_600)
        _ = try await store.addToRoster(
            try RosterName("summer-26"), [try RefreshTarget(type: .instagram, value: "priya.cooks")], at: date,
            creating: true)
        try await store.setMaxAge(of: "summer-26", to: 86_400)
        return cli
    }

    @Test func aTableOfEveryCreatorNewestFirst() async throws {
        var cli = try await Self.store()
        cli.environment["COLUMNS"] = "200"
        let run = await cli.run("creators")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("NAME "))
        for header in ["HANDLE", "PLATFORM", "TIER", "FOLLOWERS", "CHANGE", "ER", "CATEGORY", "PLACE", "REFRESHED", "STALE"] {
            #expect(lines[0].contains(header), "\(header)")
        }
        #expect(!lines[0].contains("POSTS/WK"), "no creator's posts a week are known: the column gives its room to others")
        #expect(lines[1].contains("Tech Talk") && lines[1].contains("YouTube") && lines[1].contains("750k"))
        #expect(lines[2].contains("@priya.cooks") && lines[2].contains("+2.00k") && lines[2].contains("Pune, India"), "\(run.stdout)")
        #expect(lines[2].hasSuffix("stale"))
    }

    @Test func aNarrowTerminalKeepsTheMostWantedColumnsAndNoLineIsWider() async throws {
        var cli = try await Self.store()
        cli.environment["COLUMNS"] = "60"
        let run = await cli.run("creators")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(run.stdout)")
        #expect(lines[0].contains("HANDLE") && lines[0].contains("FOLLOWERS") && lines[0].contains("ER"), "\(run.stdout)")
        #expect(!lines[0].contains("CATEGORY"))
        #expect(!run.stdout.contains("FOLLOWE…"), "a header is never cut")
        for width in [60, 80, 100, 120] {
            cli.environment["COLUMNS"] = String(width)
            let table = await cli.run("creators").stdout
            #expect(table.contains("UCtechtalk0000000000000a") && table.contains("@priya.cooks"), "a handle is never cut: \(table)")
            #expect(table.split(separator: "\n").allSatisfy { $0.count <= width })
        }
    }

    @Test func whereSortAndLimitChooseAndOrder() async throws {
        let cli = try await Self.store()
        let micro = await cli.run("creators", "--where", "tier:micro er>3%", "--csv")
        #expect(micro.status == 0, "\(micro.stderr)")
        #expect(micro.stdout.split(separator: "\r\n").count == 2)
        #expect(micro.stdout.contains("priya.cooks"))
        let sorted = await cli.run("creators", "--sort", "followers:asc", "--csv")
        let handles = sorted.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[1] }
        #expect(handles == ["priya.cooks", "UCtechtalk0000000000000a"])
        let limited = await cli.run("creators", "--limit", "1", "--csv")
        #expect(limited.stdout.split(separator: "\r\n").count == 2)
        #expect(limited.stderr.contains("the first 1 of 2 creators"))
        let stale = await cli.run("creators", "--where", "stale OR platform:yt", "--json")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(stale.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
    }

    @Test func csvAndJSONHoldEveryFieldInFull() async throws {
        let cli = try await Self.store()
        let csv = await cli.run("creators", "--csv", "--where", "priya")
        #expect(csv.stdout.hasPrefix(
            "name,handle,platform,tier,followers,followers_change,engagement,posts_per_week,growth_month,sponsored_share,"
                + "category,city,country,last_refreshed_at,stale\r\n"))
        #expect(csv.stdout.contains("Anurag Gupta,priya.cooks,instagram,micro,42000,2000,4.2,"))
        #expect(csv.stdout.contains(",Food,Pune,India,"))
        #expect(csv.stdout.hasSuffix(",true\r\n"))
        let json = await cli.run("creators", "--json", "--where", "platform:youtube")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let tech = try #require(array.first)
        #expect(tech["followers"] as? Int == 750_000)
        #expect(tech["name"] as? String == "Tech Talk")
        #expect((tech["last_refreshed_at"] as? String).map(JSONTimesTests.isRFC3339) == true)
        #expect(tech["stale"] as? Bool == false)
    }

    @Test func aBadQueryOrSortIsPointedAtAndExitsTwo() async throws {
        let cli = try await Self.store()
        let query = await cli.run("creators", "--where", "tier:micro er>>3")
        #expect(query.status == 2)
        #expect(query.stderr == "ylytic: --where cannot be read:\n  tier:micro er>>3\n                ^ expected a number after '>'\n")
        let sort = await cli.run("creators", "--sort", "likes")
        #expect(sort.status == 2)
        #expect(sort.stderr.contains("'likes' is not a column"))
        let way = await cli.run("creators", "--sort", "followers:up")
        #expect(way.stderr.contains("asc or desc"))
    }

    @Test func aRostersCreatorsAreQueriedAndWrittenAsCSV() async throws {
        let cli = try await Self.store()
        #expect(await cli.run("roster", "add", "summer-26", "@nobody").status == 0)
        let stale = await cli.run("roster", "show", "summer-26", "--where", "stale")
        #expect(stale.status == 0, "\(stale.stderr)")
        #expect(stale.stdout.contains("@priya.cooks") && stale.stdout.contains("@nobody"), "never refreshed is stale too")
        let food = await cli.run("roster", "show", "summer-26", "--where", "category:food")
        #expect(food.stdout.contains("@priya.cooks") && !food.stdout.contains("@nobody"))
        #expect(food.stdout.contains("summer-26  1 of 2 creators · "), "the summary says how many the query chose: \(food.stdout)")
        let named = await cli.run("roster", "show", "summer-26", "--where", "nobody")
        #expect(named.stdout.contains("@nobody") && !named.stdout.contains("@priya.cooks"), "found by the target it was added as")
        let csv = await cli.run("roster", "show", "summer-26", "--csv")
        #expect(csv.stdout.hasPrefix("name,handle,platform,"))
        #expect(csv.stdout.split(separator: "\r\n").count == 2)
        #expect(csv.stdout.contains(",priya.cooks,instagram,micro,42000,2000,"))
        #expect(csv.stderr.contains("1 never refreshed, left out"))
        let bad = await cli.run("roster", "show", "summer-26", "--where", "er>>3")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("^ expected a number after '>'"))
    }

    /// The harness with `config` as its config.yml.
    static func configured(_ cli: CLIHarness, _ config: String) throws -> CLIHarness {
        var cli = cli
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-views-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("ylytic"), withIntermediateDirectories: true)
        try config.write(to: folder.appendingPathComponent("ylytic/config.yml"), atomically: true, encoding: .utf8)
        cli.environment["XDG_CONFIG_HOME"] = folder.path
        return cli
    }

    static let views = """
        views:
          - name: food
            query: category:food OR platform:yt
            sort: followers:asc
            columns: [handle, followers, category]
          - name: broken
            query: er>>3
        """

    @Test func aSavedViewChoosesSortsAndPicksTheColumns() async throws {
        var cli = try Self.configured(try await Self.store(), Self.views)
        cli.environment["COLUMNS"] = "200"
        let run = await cli.run("creators", "--view", "food")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].split(separator: " ") == ["HANDLE", "FOLLOWERS", "CATEGORY"], "the view's columns, in its order")
        #expect(lines[1].contains("@priya.cooks") && lines[2].contains("UCtechtalk"), "its sort: fewest followers first")
        let csv = await cli.run("creators", "--view", "food", "--csv")
        #expect(csv.stdout.hasPrefix("handle,followers,category\r\n"))
        let narrowed = await cli.run("creators", "--view", "food", "--where", "platform:ig", "--sort", "followers")
        #expect(narrowed.stdout.contains("@priya.cooks") && !narrowed.stdout.contains("UCtechtalk"), "--where narrows the view")
        let resorted = await cli.run("creators", "--view", "food", "--sort", "followers:desc")
        let order = resorted.stdout.split(separator: "\n").dropFirst().map { String($0.prefix(12)) }
        #expect(order.first?.hasPrefix("UCtechtalk") == true, "--sort replaces the view's sort: \(resorted.stdout)")
    }

    @Test func anUnknownOrBrokenViewExitsTwoSayingWhich() async throws {
        let cli = try Self.configured(try await Self.store(), Self.views)
        let unknown = await cli.run("creators", "--view", "drinks")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no view named 'drinks'") && unknown.stderr.contains("the views are 'food'"), "\(unknown.stderr)")
        let broken = await cli.run("creators", "--view", "broken")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("line 7, views.broken.query: 'er>>3' cannot be read: >3 ^ expected a number after '>'"), "\(broken.stderr)")
        let check = await cli.run("config", "check")
        #expect(check.status != 0)
        #expect(check.stdout.contains("views.broken.query") || check.stderr.contains("views.broken.query"))
    }

    @Test func noStoreIsAnEmptyListNotAnError() async {
        let cli = CLIHarness([])
        let run = await cli.run("creators", "--json")
        #expect(run.status == 0)
        #expect(run.stdout == "[]\n")
    }
}
