import Foundation
import RefreshAPI
import RefreshTestSupport
import Testing
@testable import ylytic

@Suite("ylytic roster")
struct RosterCommandTests {
    let cli = CLIHarness([], fallback: Bodies.pending)

    private func file(_ text: String, name: String = "list.txt") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func createAddRemoveShowListAndDeleteARoster() async throws {
        let made = await cli.run("roster", "create", "summer-26", "@TheTatvaIndia", "https://www.youtube.com/channel/UCurYxozQbvKn-oNUxNJh45Q", "--max-age", "7d")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("Made the roster summer-26 with 2 creators."))

        let added = await cli.run("roster", "add", "Summer-26", "thetatvaindia", "zoe.k", "--json")
        #expect(added.status == 0)
        #expect(added.stdout.contains(#""added":1"#) && added.stdout.contains(#""already_in":1"#))

        let shown = await cli.run("roster", "show", "summer-26")
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("3 creators · 3 stale (max age 7d)"), "never refreshed is stale: \(shown.stdout)")
        #expect(shown.stdout.contains("@thetatvaindia") && shown.stdout.contains("youtube UCurYxozQbvKn-oNUxNJh45Q"))
        #expect(shown.stdout.contains("never (stale)"))

        let json = await cli.run("roster", "show", "summer-26", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["creators"] as? Int == 3 && object["stale"] as? Int == 3 && object["max_age_seconds"] as? Double == 604_800)
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.map { $0["target"] as? String } == ["thetatvaindia", "UCurYxozQbvKn-oNUxNJh45Q", "zoe.k"], "in the order added")

        let notMember = await cli.run("roster", "remove", "summer-26", "zoe.k", "@nobody")
        #expect(notMember.status == 2)
        #expect(notMember.stderr.contains("not in the roster 'summer-26': instagram nobody; nothing was removed"))
        #expect(await cli.run("roster", "show", "summer-26", "--json").stdout.contains("zoe.k"), "zoe.k is still there")
        #expect(await cli.run("roster", "remove", "summer-26", "zoe.k").status == 0)

        let listed = await cli.run("roster", "list")
        #expect(listed.stdout.contains("ROSTER") && listed.stdout.contains("summer-26"))
        let listedJSON = await cli.run("roster", "list", "--json")
        #expect(listedJSON.stdout.contains(#""creators":2"#))

        #expect(await cli.run("roster", "max-age", "summer-26", "0").status == 0)
        #expect(await cli.run("roster", "show", "summer-26").stdout.contains("2 never refreshed"))
        let unasked = await cli.run("roster", "delete", "summer-26")
        #expect(unasked.status == 2, "no terminal to ask on, and no --yes")
        #expect(unasked.stderr.contains("give --yes to delete summer-26 without a terminal"))
        var asked = cli
        asked.answer = "n"
        let kept = await asked.run("roster", "delete", "summer-26")
        #expect(kept.status == 130)
        #expect(kept.stderr == "Delete the roster summer-26 (2 creators)? Their requests and figures stay. [y/N]: Deleted nothing.\n")
        #expect(await cli.run("roster", "list").stdout.contains("summer-26"))
        asked.answer = "y"
        #expect(await asked.run("roster", "delete", "summer-26").status == 0)
        let gone = await cli.run("roster", "delete", "summer-26", "--yes")
        #expect(gone.status == 2)
        #expect(gone.stderr.contains("there is no roster named 'summer-26'"))
    }

    @Test func createAndAddSayInJSONWhetherTheRosterWasMade() async throws {
        let made = await cli.run("roster", "create", "json-26", "@one", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any])
        #expect(object["created"] as? Bool == true && object["added"] as? Int == 1, "\(made.stdout)")
        let added = await cli.run("roster", "add", "json-26", "@two", "--json")
        let more = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
        #expect(more["created"] as? Bool == false, "\(added.stdout)")
    }

    @Test func aNarrowTerminalGetsTheSummaryUnderTheNameAndNoFiguresForARosterNeverRefreshed() async throws {
        var narrow = cli
        narrow.environment["COLUMNS"] = "40"
        #expect(await narrow.run("roster", "create", "summer-26", "@alpha", "@bravo", "--max-age", "7d").status == 0)
        let shown = await narrow.run("roster", "show", "summer-26")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(shown.stdout)")
        #expect(lines[0] == "summer-26" && lines[1] == "2 creators · 2 stale (max age 7d)", "\(shown.stdout)")
        #expect(!shown.stdout.contains("followers") && !shown.stdout.contains("posts/wk"), "no figures when none is known")
        let listed = await narrow.run("roster", "list")
        #expect(listed.stdout.split(separator: "\n")[1].split(separator: " ") == ["summer-26", "2", "2"], "no followers for a roster never refreshed: \(listed.stdout)")
    }

    @Test func aRosterIsRenamedKeepingItsCreatorsAndANameInUseIsRefused() async throws {
        let cli = CLIHarness([])
        #expect(await cli.run("roster", "create", "summer", "@one", "@two", "--max-age", "7d").status == 0)
        #expect(await cli.run("roster", "create", "winter").status == 0)
        let taken = await cli.run("roster", "rename", "summer", "WINTER")
        #expect(taken.status == 2)
        #expect(taken.stderr.contains("another roster is named 'WINTER' already (names are compared whatever their case): choose another name"), "\(taken.stderr)")
        let bad = await cli.run("roster", "rename", "summer", "two words")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("a roster name is one word"))
        #expect(await cli.run("roster", "rename", "nothing", "other").status == 2)
        let renamed = await cli.run("roster", "rename", "SUMMER", "summer-26")
        #expect(renamed.status == 0, "\(renamed.stderr)")
        let shown = await cli.run("roster", "show", "summer-26", "--json")
        #expect(shown.stdout.contains("one") && shown.stdout.contains("two"))
        #expect(await cli.run("roster", "show", "summer").status == 2)
        #expect(await cli.run("roster", "rename", "summer-26", "Summer-26").status == 0, "a change of case is a rename")
    }

    @Test func badNamesAndTargetsAreRefusedAndNothingIsWritten() async throws {
        for (arguments, message) in [
            (["roster", "create", "my list"], "holds a space"),
            (["roster", "create", "a/b"], "holds a slash"),
            (["roster", "create", "ok", "@fine", "bad!name"], "'bad!name'"),
            (["roster", "add", "nowhere", "@a"], "there is no roster named 'nowhere'"),
            (["roster", "show", "nowhere"], "there is no roster named 'nowhere'"),
        ] {
            let run = await cli.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(await cli.run("roster", "list", "--json").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        #expect(await cli.run("roster", "create", "Brand").status == 0)
        let twice = await cli.run("roster", "create", "brand")
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("a roster named 'brand' exists already"))
    }

    @Test func importReportsBadLinesAndImportsNothingUnlessTold() async throws {
        let path = try file("handle,followers\n@a,1\nbad name,2\n@b,3\n@A,4\n,5\n", name: "roster.csv")
        let refused = await cli.run("roster", "import", "brand", path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(path):3: 'bad name' is several words"))
        #expect(refused.stderr.contains("\(path):6: nothing in the column 'handle'"))
        #expect(refused.stderr.contains("2 bad lines in \(path); nothing was imported"))
        #expect(await cli.run("roster", "list", "--json").stdout.contains("brand") == false, "no roster was made")

        let imported = await cli.run("roster", "import", "brand", path, "--skip-bad", "--json")
        #expect(imported.status == 0)
        #expect(imported.stdout.contains(#""added":2"#) && imported.stdout.contains(#""duplicates":1"#))
        #expect(imported.stdout.contains(#""bad_lines":[3,6]"#))
        let again = await cli.run("roster", "import", "brand", path, "--skip-bad")
        #expect(again.stderr.contains("Imported into brand from \(path): 0 added, 2 in it already, 1 duplicate merged, 2 bad lines skipped."))

        for (text, message) in [
            ("", "is empty"), ("name,city\nTatva India,Pune\n", "no column of"),
        ] {
            let run = await cli.run("roster", "import", "other", try file(text))
            #expect(run.status == 2)
            #expect(run.stderr.contains(message), "\(run.stderr)")
        }
        let binary = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-\(UUID().uuidString).png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]).write(to: binary)
        let notText = await cli.run("roster", "import", "other", binary.path)
        #expect(notText.status == 2 && notText.stderr.contains("is not a text file"))
        let missing = await cli.run("roster", "import", "other", "/nonexistent/list.txt")
        #expect(missing.status == 2 && missing.stderr.contains("cannot read /nonexistent/list.txt"))
        // (A file of 100,000 lines is read by the list's own tests; here the roster's bound is what counts.)
        let tooMany = await cli.run(
            "roster", "import", "huge", try file((0...10_000).map { "@user_\($0)" }.joined(separator: "\n")))
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr.contains("would hold 10001 creators; a roster holds at most 10000"))
        #expect(!(await cli.run("roster", "list").stdout.contains("huge")), "nothing half-written")
    }
}

extension RosterCommandTests {
    @Test func anEndlessFileIsRefusedNotRead() async {
        let run = await cli.run("roster", "import", "zeros", "/dev/zero")
        #expect(run.status == 2)
        #expect(run.stderr.contains("/dev/zero is larger than 16 MB"), "\(run.stderr)")
        let directory = await cli.run("roster", "import", "folder", FileManager.default.temporaryDirectory.path)
        #expect(directory.status == 2 && directory.stderr.contains("cannot read"), "\(directory.stderr)")
    }

    @Test func typedTargetsMayNameTheirTypeAndAPostIsRefused() async throws {
        let made = await cli.run("roster", "create", "tv", "instagram", "Alice", "youtube", "UCabcdefghijklmnopqrstuv", "--json")
        #expect(made.status == 0, "\(made.stderr)")
        let shown = await cli.run("roster", "show", "tv", "--json")
        #expect(shown.stdout.contains(#""target":"alice""#) && shown.stdout.contains(#""request_type":"youtube""#))
        let post = await cli.run("roster", "add", "tv", "https://youtu.be/iwIeyWv2ABI")
        #expect(post.status == 2)
        #expect(post.stderr.contains("that is a post (youtube_post iwIeyWv2ABI); a roster lists creators"), "\(post.stderr)")
        let listed = try file("@a\nhttps://www.instagram.com/reel/Cxyz123/\n")
        let imported = await cli.run("roster", "import", "tv", listed)
        #expect(imported.status == 2 && imported.stderr.contains("\(listed):2: that is a post"), "\(imported.stderr)")
        let headerOnly = await cli.run("roster", "import", "tv", try file("handle,followers\n", name: "only.csv"))
        #expect(headerOnly.status == 2 && headerOnly.stderr.contains("lists no creators"), "\(headerOnly.stderr)")
    }
}
