import Foundation
import RefreshAPI
import RefreshTestSupport
import Testing

@Suite("ylytic refresh")
struct RefreshCommandTests {
    @Test func submitPrintsTheRequestIDAlone() async throws {
        let cli = CLIHarness([Bodies.pending])
        let run = await cli.run("refresh", "instagram", "@TheTatvaIndia")
        #expect(run.status == 0)
        #expect(run.stdout == "65b87c8576c9b42b3a285805\n")
        #expect(run.stderr.contains("Submitted instagram thetatvaindia: pending"))
        let body = try #require(cli.transport.requests.first?.body)
        #expect(String(decoding: body, as: UTF8.self) == #"{"handle":"thetatvaindia","request_type":"instagram"}"#)
    }

    @Test func whatWasTypedIsQuotedWithItsControlsNamedNeverSentToTheTerminal() async throws {
        let cli = CLIHarness([])
        let escape = await cli.run("refresh", "@abc\u{1B}[2Jdef")
        #expect(escape.status == 2)
        #expect(escape.stderr.contains("'abcU+1B[2Jdef' contains 'U+1B'"), "\(escape.stderr)")
        let override = await cli.run("refresh", "@abc\u{202E}def")
        #expect(override.stderr.contains("U+202E"))
        let parse = await cli.run("list", "--limit", "1\u{1B}[2J")
        for run in [escape, override, parse] {
            #expect(!run.everything.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, "\(run.everything)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-typed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("two.txt")
        try "@ok\n@e\u{1B}[31mvil\n".write(to: file, atomically: true, encoding: .utf8)
        let listed = await cli.run("refresh", "--from", file.path)
        #expect(listed.stderr.contains(":2: an Instagram handle holds only letters, digits, '.' and '_'; 'eU+1B[31mvil' contains 'U+1B'"), "\(listed.stderr)")
        #expect(!listed.everything.unicodeScalars.contains { $0.value == 0x1B })
        #expect(cli.transport.requests.isEmpty, "nothing was sent")
    }

    @Test func aBulkRunCountsAnUnknownOutcomeApartFromFailures() async throws {
        let cli = CLIHarness(
            [.failure(.interrupted("timed out")), Bodies.pending], fallback: Bodies.succeeded(id: "65b87c8576c9b42b3a285805"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-unknown-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("two.txt")
        try "@one\n@two\n@ONE\n".write(to: file, atomically: true, encoding: .utf8)
        let run = await cli.run("refresh", "--from", file.path, "--json")
        #expect(run.status == 4, "an unknown outcome is not a failure: \(run.stderr)")
        #expect(run.stderr.contains("0 failed · 1 outcome unknown"), "\(run.stderr)")
        let summary = try #require(run.stdout.split(separator: "\n").last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any])
        #expect(object["unknown"] as? Int == 1 && object["failed"] as? Int == 0 && object["succeeded"] as? Int == 1, "\(summary)")
        #expect(object["merged"] as? Int == 1, "the summary says a target named twice was merged: \(summary)")
        #expect(run.stdout.contains(#""event":"unknown""#), "the lost POST's event says unknown")

        // Fresh within a year of the scaled clock, however slowly the machine runs: joined.
        let skipped = await cli.run("refresh", "--from", file.path, "--skip-unknown", "--fresh-for", "365d")
        #expect(skipped.stderr.contains("Left alone: 1 whose earlier POST's outcome is unknown"), "\(skipped.stderr)")
        #expect(skipped.stderr.contains("Done: 0 submitted, 1 joined"), "\(skipped.stderr)")
        let second = "65b87c8576c9b42b3a2858ff"
        var retry = CLIHarness(
            [Bodies.record(second, message: "pending", code: 201)], fallback: Bodies.succeeded(id: second))
        retry.environment["YLYTIC_STORE"] = cli.environment["YLYTIC_STORE"]
        let again = await retry.run("refresh", "--from", file.path)
        #expect(again.stderr.contains("1 of them were sent before with the outcome unknown: a new POST for each may make a second refresh"), "\(again.stderr)")
        #expect(again.stderr.contains(" submitted again 65b87c8576c9b42b3a2858ff: the earlier POST's outcome was unknown"), "\(again.stderr)")
        #expect(again.stderr.contains("1 submitted (1 again after an unknown outcome)"), "\(again.stderr)")
        #expect(retry.transport.requests.filter { $0.method == "POST" }.count == 1, "only the unknown one is sent again")
    }

    @Test func anAddressAfterItsTypeIsAccepted() async throws {
        let cli = CLIHarness([Bodies.pending])
        let run = await cli.run("refresh", "instagram", "https://www.instagram.com/TheTatvaIndia/?igsh=x")
        #expect(run.status == 0, "\(run.stderr)")
        let body = try #require(cli.transport.requests.first?.body)
        #expect(String(decoding: body, as: UTF8.self) == #"{"handle":"thetatvaindia","request_type":"instagram"}"#)
    }

    @Test func aBaseURLWhosePathIsNotTheAPIsIsPointedOut() async {
        let run = await CLIHarness([Bodies.pending]).run("refresh", "@x", "--base-url", "http://127.0.0.1:9/api")
        #expect(run.stderr.contains("warning: the base URL's path is '/api'; the API lives under /ylytic/api/v1"))
    }

    @Test func urlAloneGivesTheType() async throws {
        let cli = CLIHarness([Bodies.pending])
        let run = await cli.run("refresh", "https://youtu.be/iwIeyWv2ABI")
        #expect(run.status == 0)
        let body = try #require(cli.transport.requests.first?.body)
        #expect(String(decoding: body, as: UTF8.self) == #"{"request_type":"youtube_post","video_id":"iwIeyWv2ABI"}"#)
    }

    @Test func jsonOutputHasOneShapeWhetherSentOrJoined() async throws {
        let cli = CLIHarness([Bodies.pending])
        let sent = await cli.run("refresh", "instagram", "thetatvaindia", "--json")
        #expect(sent.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sent.stdout.utf8)) as? [String: Any])
        #expect(object["request_id"] as? String == "65b87c8576c9b42b3a285805")
        #expect(object["state"] as? String == "pending")
        #expect(object["joined"] as? Bool == false)
        let joined = await cli.run("refresh", "@thetatvaindia", "--json")
        let again = try #require(try JSONSerialization.jsonObject(with: Data(joined.stdout.utf8)) as? [String: Any])
        #expect(again["joined"] as? Bool == true && again["request_id"] as? String == "65b87c8576c9b42b3a285805")
        #expect(Set(again.keys) == Set(object.keys), "the same keys: \(again.keys.sorted()) and \(object.keys.sorted())")
    }

    @Test func waitFollowsToSuccess() async {
        let run = await CLIHarness([Bodies.pending, Bodies.pending, Bodies.pending, Bodies.succeeded])
            .run("refresh", "instagram", "thetatvaindia", "--wait")
        #expect(run.status == 0)
        #expect(run.stdout == "65b87c8576c9b42b3a285805\n")
        let states = run.stderr.split(separator: "\n").map { $0.split(separator: " ")[2] }
        #expect(states == ["pending", "succeeded"])
    }

    @Test func waitEndingFailedExitsOneWithTheServersWords() async {
        let run = await CLIHarness([Bodies.pending, Bodies.failed]).run("refresh", "instagram", "x", "--wait")
        #expect(run.status == 1)
        #expect(run.stderr.contains("failed failed: account is private"))
    }

    @Test func waitTimingOutExitsFive() async {
        let run = await CLIHarness([Bodies.pending], fallback: Bodies.pending)
            .run("refresh", "instagram", "x", "--wait", "--timeout", "60")
        #expect(run.status == 5)
        #expect(run.stderr.contains("timeout"))
    }

    @Test func waitRunningOutWhileEveryPollFailsExitsFourWithTheServersLastAnswer() async {
        let time = ManualTimeSource()
        let start = time.now
        let running = CLIHarness([Bodies.pending], fallback: HTTPResponse.json(503, "{}"), time: time)
            .start("refresh", "instagram", "x", "--wait", "--timeout", "600", "--json")
        // The wait runs out 600 s after the command began, which is start or later: until a poll is told as failed,
        // the clock stays short of it.
        #expect(await running.advance(time, before: start + 600) { _, stderr in stderr.contains("retrying poll ") })
        #expect(await running.advance(time, before: .distantFuture) { stdout, _ in stdout.contains(#""state""#) })
        let run = await running.task.value
        #expect(run.status == 4, "the server was failing: that is the news, not the wait")
        #expect(run.stdout.contains(#""state":"error""#))
        #expect(run.stdout.contains("HTTP 503"))
        #expect(run.stderr.contains("retrying poll "))
    }

    @Test func ctrlCWhileWaitingLeavesTheRequestForOthersAndExits130() async throws {
        let cli = CLIHarness([Bodies.pending], fallback: Bodies.pending)
        cli.stops.continuation.yield()
        let run = await cli.run("refresh", "instagram", "x", "--wait", "--json")
        #expect(run.status == 130)
        #expect(run.stderr.contains("stopped; what is still pending stays so on the server"))
        let listed = await cli.run("list", "--json")
        let requests = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(requests.first?["state"] as? String == "pending")
        #expect(requests.first?["followed_by"] == nil, "its lease was released for another process to take")
    }

    @Test func ambiguousSubmissionIsOutcomeUnknownAndNotRepeated() async {
        let cli = CLIHarness([.failure(.interrupted("the connection was lost"))], fallback: Bodies.pending)
        let run = await cli.run("refresh", "instagram", "x")
        #expect(run.status == 4)
        #expect(run.stderr.contains("may or may not have reached the server"))
        #expect(cli.transport.requests.count == 1)
    }

    @Test(arguments: [
        (["refresh"], "give TYPE VALUE, or a single URL or @handle"),
        (["refresh", "@a", "--from", "list.txt"], "give either a target or --from FILE, not both"),
        (["refresh", "--from", "list.txt", "--wait"], "--from follows every refresh to its end already"),
        (["refresh", "@a", "--skip-bad"], "--skip-bad goes with --from FILE"),
        (["refresh", "a", "b", "c"], "give TYPE VALUE"),
        (["refresh", "tiktok", "x"], "unknown type 'tiktok'"),
        (["refresh", "youtube", "@mkbhd"], "is a YouTube handle"),
        (["refresh", "justaword"], "give the type too"),
        (["refresh", "instagram"], "'instagram' is a type; give its handle after it"),
        (["refresh", ""], "give an @handle"),
        (["refresh", "youtube", "https://www.instagram.com/thetatvaindia"], "is an address of type instagram, not youtube"),
        (["refresh", "instagram", "x", "--timeout", "0"], "--timeout must be a positive"),
        (["refresh", "instagram", "x", "--wait", "--timeout", "inf"], "--timeout must be a positive number of seconds"),
        (["refresh", "instagram", "x", "--wait", "--timeout", "nan"], "--timeout must be a positive number of seconds"),
        (["refresh", "instagram", "x", "--wait", "--timeout", "1e308"], "at most 31622400 seconds"),
        (["refresh", "instagram", "x", "--timeout=-5"], "--timeout must be a positive"),
        (["watch", "abc", "--timeout", "inf"], "--timeout must be a positive number of seconds"),
        (["refresh", "instagram", "x", "--bogus"], "Unknown option"),
    ])
    func invalidInputExitsTwoWithAMessage(arguments: [String], message: String) async {
        let cli = CLIHarness([])
        let run = await cli.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(cli.transport.requests.isEmpty)
    }

    @Test func missingTokenExitsThreeAndSaysHowToSetOne() async {
        var cli = CLIHarness([])
        cli.environment["YLYTIC_TOKEN"] = nil
        let run = await cli.run("refresh", "instagram", "x")
        #expect(run.status == 3)
        #expect(run.stderr.contains("YLYTIC_TOKEN"))
    }

    @Test func aMissingOrEmptyTokenIsExitThreeAndNamesTheFileActuallyRead() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-xdg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var cli = CLIHarness([])
        cli.environment["YLYTIC_TOKEN"] = nil
        cli.environment["XDG_CONFIG_HOME"] = folder.path
        let missing = await cli.run("refresh", "instagram", "x")
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("\(folder.path)/ylytic/token"), "the real path: \(missing.stderr)")
        #expect(!missing.stderr.contains("~/.config"))
        let empty = folder.appendingPathComponent("empty-token")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: empty.path, contents: Data("\n".utf8), attributes: [.posixPermissions: 0o600])
        let run = await cli.run("refresh", "instagram", "x", "--token-file", empty.path)
        #expect(run.status == 3, "an empty token file is a missing token")
        #expect(run.stderr.contains("is empty"))
    }

    @Test func rejectedTokenExitsThreeWithoutShowingIt() async {
        let run = await CLIHarness([HTTPResponse.json(401, #"{"message":"invalid token"}"#)])
            .run("refresh", "instagram", "x", "--json")
        #expect(run.status == 3)
        #expect(run.stderr.contains("rejected (HTTP 401: invalid token)"))
        #expect(!run.everything.contains(Samples.token.secret))
    }

    @Test func insecureBaseURLIsRefused() async {
        let run = await CLIHarness([]).run("refresh", "instagram", "x", "--base-url", "http://api.example.com")
        #expect(run.status == 2)
        #expect(run.stderr.contains("plain http"))
    }
}
