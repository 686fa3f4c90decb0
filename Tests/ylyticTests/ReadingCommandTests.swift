import Foundation
import RefreshAPI
import RefreshTestSupport
import Testing

@Suite("ylytic status, show and watch")
struct ReadingCommandTests {
    @Test func statusExitsByWhatItReports() async {
        #expect(await CLIHarness([Bodies.succeeded]).run("status", "a").status == 0)
        #expect(await CLIHarness([Bodies.failed]).run("status", "a").status == 1)
        #expect(await CLIHarness([Bodies.pending]).run("status", "a").status == 5)
        #expect(await CLIHarness([HTTPResponse.json(404, "{}")]).run("status", "a").status == 2)
        #expect(await CLIHarness([HTTPResponse.json(403, "{}")]).run("status", "a").status == 3)
        let down = CLIHarness([], fallback: HTTPResponse.json(503, "{}"))
        #expect(await down.run("status", "a").status == 4)
        #expect(await CLIHarness([Bodies.pending, Bodies.failed]).run("status", "a", "b").status == 1)
    }

    @Test func statusPrintsOneAlignedLinePerRequest() async {
        let run = await CLIHarness([Bodies.record("a", message: "pending", code: 201), Bodies.failed, HTTPResponse.json(404, "{}")])
            .run("status", "a", "65b87c8576c9b42b3a285805", "zz")
        #expect(run.stdout == """
            a                         pending
            65b87c8576c9b42b3a285805  failed    failed: account is private
            zz                        error     The server knows no request with id zz. Check the id (ylytic list shows the ones you submitted). ('zz' names no creator in the store either; a handle is written @zz)

            """)
    }

    @Test func statusJSONIsAnArray() async throws {
        let run = await CLIHarness([Bodies.succeeded, Bodies.pending]).run("status", "a", "b", "--json")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["state"] as? String } == ["succeeded", "pending"])
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() async {
        var cli = CLIHarness([Bodies.failed, Bodies.failed, Bodies.failed])
        #expect(!(await cli.run("status", "a").stdout.contains("\u{1B}[")))
        cli.isTerminal = true
        #expect(await cli.run("status", "a").stdout.contains("\u{1B}[31m"))
        cli.environment["NO_COLOR"] = "1"
        #expect(!(await cli.run("status", "a").stdout.contains("\u{1B}[")))
    }

    @Test func serverTextIsMadeSafeBeforeItIsPrinted() async {
        var cli = CLIHarness([Bodies.record(message: "failed \\u001b[2J\\u001b]0;owned\\u0007\\u202etxt")])
        cli.isTerminal = true
        let run = await cli.run("status", "a")
        #expect(run.stdout.contains("failed txt"))
        #expect(!run.stdout.contains("\u{1B}[2J"))
        #expect(!run.stdout.contains("\u{202E}"))
        let json = await CLIHarness([Bodies.record(message: "failed \\u202e")]).run("status", "a", "--json")
        #expect(json.stdout.contains("\\u202e"))
        #expect(!json.stdout.contains("\u{202E}"))
    }

    @Test func showFileReportsTheSpecSample() async {
        let run = await CLIHarness([]).run("show", "--file", Samples.fixtureURL("spec-get-response").path)
        #expect(run.status == 0)
        for expected in [
            "Anurag Gupta", "@anurag.itbhu05", "nano", "10.0k (10,001)", "▲ +0.07%", "▼ -3.23%", "▁▂█",
            "2023-12-01 → 2023-12-06", "min 750  max 1.00k  last 1.00k", "hello world", "1.20%",
        ] {
            #expect(run.stdout.contains(expected), "missing \(expected)")
        }
    }

    @Test func aFigurePastAnyCreatorsReadsOutOfRangeAndIsNeverLeftOut() async throws {
        let sample = String(decoding: try Samples.fixture("spec-get-response"), as: UTF8.self)
        let huge = sample.replacingOccurrences(of: #""followers_count": 10001"#, with: #""followers_count": 1e300"#)
            .replacingOccurrences(of: #""engagement": 1.1,"#, with: #""engagement": 1e300,"#)
        #expect(huge != sample)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).json")
        try huge.write(to: file, atomically: true, encoding: .utf8)
        let run = await CLIHarness([]).run("show", "--file", file.path)
        #expect(run.stdout.contains("Followers       out of range\n"), "\(run.stdout)")
        #expect(run.stdout.contains("Engagement      out of range"), "\(run.stdout)")
        #expect(!run.stdout.contains("922337") && !run.stdout.contains("00000000000"), "never hundreds of digits")
    }

    @Test func showInASCIIUsesNoOtherCharacter() async {
        var cli = CLIHarness([])
        cli.environment["LANG"] = "C"
        let run = await cli.run("show", "--file", Samples.fixtureURL("spec-get-response").path)
        #expect(run.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(run.stdout.contains("^ +0.07%"))
    }

    @Test func showJSONIsTheDecodedModel() async throws {
        let run = await CLIHarness([]).run("show", "--file", Samples.fixtureURL("spec-get-response").path, "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let record = try #require(object["record"] as? [String: Any])
        let response = try #require(record["response"] as? [String: Any])
        let trends = try #require(response["growth_trends"] as? [String: Any])
        let followers = try #require(trends["followers_trends"] as? [[String: Any]])
        #expect(followers.first?["date"] as? String == "2023-12-01")
        #expect(followers.first?["value"] as? Double == 750)
        #expect(trends["quarterly_followers_growth"] as? Double == -0.07)
    }

    @Test func showOfAFailedRefreshExitsOne() async {
        let run = await CLIHarness([Bodies.failed]).run("show", "abc")
        #expect(run.status == 1)
        #expect(run.stdout.contains("failed: account is private"))
    }

    @Test func unreadableFileExitsTwoSayingWhy() async throws {
        let run = await CLIHarness([]).run("show", "--file", "/nonexistent/body.json")
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot read /nonexistent/body.json"))
        let garbage = FileManager.default.temporaryDirectory.appendingPathComponent("garbage-\(UUID()).json")
        try Data("{\"request_id\": ".utf8).write(to: garbage)
        defer { try? FileManager.default.removeItem(at: garbage) }
        let bad = await CLIHarness([]).run("show", "--file", garbage.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("not valid JSON"))
        #expect(await CLIHarness([]).run("show").status == 2)
    }

    @Test func watchPrintsOneLinePerChangeUntilAllEnd() async {
        // On a clock the test moves: the second answers come only once both first ones are printed.
        let time = ManualTimeSource()
        let cli = CLIHarness(
            byRequestID: [
                "a": [Bodies.record("a", message: "pending", code: 201), Bodies.record("a", message: "success")],
                "b": [Bodies.record("b", message: "pending", code: 201), Bodies.record("b", message: "failed: not found")],
            ], time: time)
        let running = cli.start("watch", "b", "a")
        #expect(await running.waitUntil { stdout, _ in stdout.contains("a pending") && stdout.contains("b pending") })
        // The next polls, and the lease's renewal, are what the clock waits for.
        await time.waitForSleepers(2)
        time.advance(by: 10)
        let run = await running.task.value
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1)[1] }
        #expect(Set(lines) == ["a pending", "b pending", "a succeeded", "b failed failed: not found"])
        #expect(lines.count == 4)
    }

    @Test func watchJSONIsOneObjectPerLine() async throws {
        let run = await CLIHarness([Bodies.record("a", message: "success")]).run("watch", "a", "--json")
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["state"] as? String == "succeeded")
        #expect(object["request_id"] as? String == "a")
    }

    @Test func aServerThatKeepsFailingIsAskedAgainUntilTheWaitRunsOutThenExitsFour() async {
        let time = ManualTimeSource()
        let cli = CLIHarness([], fallback: HTTPResponse.json(503, "{}"), time: time)
        let start = time.now
        let running = cli.start("watch", "a", "--timeout", "600")
        // The wait runs out 600 s after the command began, which is start or later: until a poll is told as failed,
        // the clock stays short of it.
        #expect(await running.advance(time, before: start + 600) { stdout, _ in stdout.contains(" retrying poll ") })
        #expect(await running.advance(time, before: .distantFuture) { stdout, _ in stdout.contains("a timeout") })
        let run = await running.task.value
        #expect(run.status == 4)
        #expect(run.stdout.contains(" retrying poll "))
        #expect(!run.stdout.contains("following ended"), "failures that may pass never end the following")
        #expect(run.stdout.contains(" failed: HTTP 503"), "the reason, in a few words")
        #expect(cli.transport.requests.count >= 4, "each poll tries four times")
        #expect(run.stdout.contains("a timeout"))
    }

    @Test func anIDTheServerDoesNotKnowEndsAtOnceAndExitsTwo() async {
        let cli = CLIHarness([], fallback: HTTPResponse.json(404, #"{"message":"not found"}"#))
        let run = await cli.run("watch", "000000000000000000000000")
        #expect(run.status == 2)
        #expect(run.stdout.contains("unknown following ended: The server knows no request with id 000000000000000000000000"))
        #expect(cli.transport.requests.count == 1, "asked once: a 404 is not retried")
    }

    @Test func fileProblemsAreSaidInPlainWords() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shown = await CLIHarness([]).run("show", "--file", folder.path)
        #expect(shown.status == 2)
        #expect(shown.stderr.contains("it is a folder"), "\(shown.stderr)")
        let missing = await CLIHarness([]).run("show", "--file", folder.appendingPathComponent("none.json").path)
        #expect(missing.stderr.contains("there is no such file"))
        let cli = CLIHarness([Bodies.pending, Bodies.succeeded(id: StoreCommandTests.id)])
        #expect(await cli.run("refresh", "instagram", "anurag.itbhu05", "--wait").status == 0)
        for target in [folder.path, folder.appendingPathComponent("no/such/folder.csv").path] {
            let exported = await cli.run("export", StoreCommandTests.id, "--output", target)
            #expect(exported.status == 2)
            #expect(!exported.stderr.contains("NSCocoaErrorDomain"), "\(exported.stderr)")
            #expect(exported.stderr.contains("it is a folder") || exported.stderr.contains("does not exist"))
        }
    }

    @Test func underALocaleThatIsNotUTF8ServerTextIsTransliterated() async throws {
        let sample = String(decoding: try Samples.fixture("spec-get-response"), as: UTF8.self)
            .replacingOccurrences(of: "Anurag Gupta", with: "Zoë 東京 “Café” 🍵")
        var cli = CLIHarness([.success(HTTPResponse(status: 200, body: Data(sample.utf8)))])
        cli.environment["LANG"] = "C"
        let run = await cli.run("show", "abc")
        let isASCII = run.stdout.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(isASCII, "\(run.stdout)")
        #expect(run.stdout.contains("Zoe dong jing \"Cafe\" ?"))
    }

    @Test func theSimulatorRefusesAnIPv6AddressTheClientCouldNotUse() async {
        let run = await CLIHarness([]).run("simulate", "--host", "::1")
        #expect(run.status == 2)
        #expect(run.stderr.contains("IPv6"))
        #expect(run.stderr.contains("127.0.0.1 or localhost"))
    }

    @Test func helpListsTheExitCodes() async {
        let run = await CLIHarness([]).run("refresh", "--help")
        #expect(run.status == 0)
        #expect(run.stdout.contains("3 token missing or"))
        #expect(await CLIHarness([]).run("--version").stdout == "0.1.0\n")
    }
}
