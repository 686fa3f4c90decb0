import Foundation
import RefreshAPI
import RefreshTestSupport
import Testing
import TextGrid

@Suite("Commands and the local store")
struct StoreCommandTests {
    static let id = "65b87c8576c9b42b3a285805"

    @Test func submittedRequestsAreListed() async throws {
        let cli = CLIHarness([Bodies.pending])
        #expect(await cli.run("refresh", "instagram", "thetatvaindia").status == 0)
        let listed = await cli.run("list")
        #expect(listed.status == 0)
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.count == 2)
        #expect(lines[1].contains(Self.id))
        #expect(lines[1].contains("instagram  thetatvaindia  pending"))
        let json = await cli.run("list", "--json")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.first?["request_id"] as? String == Self.id)
        #expect(array.first?["state"] as? String == "pending")
        let none = await cli.run("list", "--state", "failed")
        #expect(none.stdout.isEmpty, "no header over nothing")
        #expect(none.stderr.contains("no failed requests in"))
        #expect(await cli.run("list", "--state", "bogus").status == 2)
    }

    @Test func ambiguousSubmissionIsKeptAsOutcomeUnknownAndRefusedOnesAreNot() async throws {
        let cli = CLIHarness([.failure(.interrupted("timed out")), HTTPResponse.json(400, #"{"message":"bad handle"}"#)])
        #expect(await cli.run("refresh", "instagram", "first").status == 4)
        #expect(await cli.run("refresh", "instagram", "second").status == 2)
        let listed = await cli.run("list", "--json")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array.first?["target"] as? String == "first")
        #expect(array.first?["state"] as? String == "unknown")
        #expect((array.first?["detail"] as? String)?.contains("outcome unknown") == true)
        #expect(array.first?["request_id"] == nil)
        let local = try #require(array.first?["local_id"] as? Int)
        var narrow = cli
        narrow.environment["COLUMNS"] = "80"
        let listed80 = await narrow.run("list")
        let widths = listed80.stdout.split(separator: "\n").map { DisplayWidth.of(String($0)) }
        #expect(widths.allSatisfy { $0 <= 80 }, "a long error does not make every line wrap: \(listed80.stdout)")
        #expect(listed80.stdout.contains("…"), "what was cut says so")
        #expect(listed80.stdout.contains("#\(local)"), "the id is kept whole")
        let piped = await cli.run("list").stdout.split(separator: "\n").map { DisplayWidth.of(String($0)) }
        #expect((piped.max() ?? 0) > 80, "a pipe gets it all")
        #expect(await cli.run("forget", "#\(local)").status == 0)
        #expect(await cli.run("list", "--json").stdout == "[]\n")
    }

    @Test func tablesGiveWayInTheirOrderAndNeverCutAnIdOrGrowWiderThanTheTerminal() async throws {
        var cli = CLIHarness([Bodies.pending, Bodies.succeeded(id: Self.id)], fallback: Bodies.succeeded(id: Self.id))
        #expect(await cli.run("refresh", "instagram", "anurag.itbhu05", "--wait").status == 0)
        var headers: [Int: [Substring]] = [:]
        for width in [40, 60, 80, 100, 120, 160, 200] {
            cli.environment["COLUMNS"] = String(width)
            for command in [["list"], ["history", "@anurag.itbhu05"]] {
                let lines = await cli.run(command).stdout.split(separator: "\n")
                #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= width }, "\(command) at \(width): \(lines)")
                if width >= 60 { #expect(lines.contains { $0.contains(Self.id) }, "\(command) at \(width): the id is whole") }
            }
            headers[width] = await cli.run("list").stdout.split(separator: "\n").first?.split(separator: " ")
        }
        #expect(headers[200] == ["ID", "TYPE", "TARGET", "STATE", "SUBMITTED", "BY", "FINISHED", "FOLLOWERS", "NAME"])
        #expect(headers[120] == ["ID", "TYPE", "TARGET", "STATE", "SUBMITTED", "FOLLOWERS", "NAME"], "BY and FINISHED go first")
        #expect(headers[80] == ["ID", "TYPE", "TARGET", "STATE", "SUBMITTED"], "then NAME and FOLLOWERS")
        #expect(headers[60] == ["ID", "TARGET", "STATE", "SUBMITTED"], "then TYPE")
        #expect(headers[100] == headers[120])
        cli.environment["COLUMNS"] = "100"
        #expect(await cli.run("list").stdout.contains(" ago"), "the submission's time shortens to an age before NAME goes")
        #expect(!(await cli.run("list").stdout.contains("…")), "nothing that fits is cut")
    }

    @Test func finishedRefreshGivesHistoryAndExport() async throws {
        let cli = CLIHarness([Bodies.pending, Bodies.succeeded(id: Self.id)], fallback: Bodies.succeeded(id: Self.id))
        #expect(await cli.run("refresh", "instagram", "anurag.itbhu05", "--wait").status == 0)
        let listed = await cli.run("list")
        #expect(listed.stdout.contains("succeeded"))
        #expect(listed.stdout.contains("10.0k"))
        #expect(listed.stdout.contains("Anurag Gupta"))

        let history = await cli.run("history", "@anurag.itbhu05")
        #expect(history.status == 0)
        #expect(history.stdout.contains("Anurag Gupta"))
        #expect(history.stdout.contains("10,001"))
        #expect(await cli.run("history", "nobody").status == 2)
        let byUserID = await cli.run("history", "123456")
        #expect(byUserID.status == 0, "the creator's ig_user_id finds it too: \(byUserID.stderr)")
        #expect(byUserID.stdout.contains("Anurag Gupta"))
        for _ in 0..<3 { #expect(await cli.run("status", Self.id).status == 0) }
        let again = await cli.run("history", "@anurag.itbhu05", "--json")
        let snapshots = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [[String: Any]])
        #expect(snapshots.count == 1, "looking at a finished request again adds nothing to the creator's history")

        let csv = await cli.run("export", Self.id, "--format", "csv")
        #expect(csv.status == 0)
        #expect(csv.stdout == """
            kind,shortcode,posted_date,likes,comments,views,engagement,sponsored,hashtags,external_links,caption\r
            video,asdasd,2023-12-03,24,12,123,1.2,true,#worth #ad,https://asdas.com,hello world\r
            photo,asda,2023-12-03,10,1,,1.01,false,#adsasd,https://asdas.com,asdas\r

            """)
        let json = await cli.run("export", Self.id, "--format", "json")
        let posts = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(posts.count == 2)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(await cli.run("export", Self.id, "--output", file.path).status == 0)
        try Data("mine".utf8).write(to: file)
        let inTheWay = await cli.run("export", Self.id, "--output", file.path)
        #expect(inTheWay.status == 2)
        #expect(inTheWay.stderr.contains("\(file.path) exists already; --force replaces it"), "\(inTheWay.stderr)")
        #expect(try Data(contentsOf: file) == Data("mine".utf8), "a file in the way is never replaced unasked")
        #expect(await cli.run("export", Self.id, "--output", file.path, "--force").status == 0)
        #expect(try Data(contentsOf: file) != Data("mine".utf8), "--force replaces it")
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("kind,shortcode"))

        #expect(await cli.run("forget", Self.id).status == 0)
        #expect(await cli.run("export", Self.id).status == 0, "the response is kept without --purge")
        #expect(await cli.run("forget", Self.id).status == 2, "no longer tracked")
    }

    @Test func aFailedRefreshSaysFailedOnceAndHashNamesOnlySubmissionsWithoutAnAnswer() async throws {
        let cli = CLIHarness([Bodies.pending, Bodies.failed])
        #expect(await cli.run("refresh", "instagram", "x", "--wait").status == 1)
        let listed = await cli.run("list")
        #expect(listed.stdout.contains("failed: account is private"))
        #expect(!listed.stdout.contains("failed: failed"), "the server's words already say failed")
        let json = await cli.run("list", "--json")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let local = try #require(array.first?["local_id"] as? Int)
        let forget = await cli.run("forget", "#\(local)")
        #expect(forget.status == 2, "#N is for submissions the server never answered, as list shows them")
        #expect(forget.stderr.contains("ylytic forget \(Self.id)"))
        #expect(await cli.run("list", "--json").stdout.contains(Self.id), "nothing was forgotten")
    }

    @Test func watchUntilIdleFollowsWhatTheStoreHasPendingThenStops() async throws {
        let cli = CLIHarness([Bodies.pending, Bodies.succeeded(id: Self.id)])
        #expect(await cli.run("refresh", "instagram", "anurag.itbhu05").status == 0)
        let watched = await cli.run("watch", "--until-idle")
        #expect(watched.status == 0)
        #expect(watched.stdout.contains("\(Self.id) succeeded"))
        let again = await cli.run("watch", "--until-idle")
        #expect(again.status == 0)
        #expect(again.stderr.contains("nothing is pending"))
        #expect(await cli.run("watch", Self.id, "--until-idle").status == 2, "given ids are followed until they end anyway")
    }

    @Test func watchWithoutIDsKeepsFollowingNewRequestsUntilStopped() async throws {
        let cli = CLIHarness([Bodies.pending, Bodies.succeeded(id: Self.id)])
        let watcher = cli.start("watch")
        #expect(await watcher.waitUntil { _, stderr in stderr.contains("and new ones; Ctrl-C stops") }, "nothing pending: it waits")
        #expect(await cli.run("refresh", "instagram", "anurag.itbhu05").status == 0)
        #expect(await watcher.waitUntil { stdout, _ in stdout.contains("\(Self.id) succeeded") }, "a request submitted meanwhile is followed to its end")
        cli.stops.continuation.yield()
        let run = await watcher.task.value
        #expect(run.status == 0, "Ctrl-C is how it ends: \(run.stderr)")
    }

    @Test func unusableStoreStopsBeforeAnythingIsSent() async throws {
        var cli = CLIHarness([Bodies.pending])
        let path = CLIHarness.temporaryStorePath()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x42, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: path))
        cli.environment["YLYTIC_STORE"] = path
        let run = await cli.run("refresh", "instagram", "x")
        #expect(run.status == 2)
        #expect(run.stderr.contains("is not a readable ylytic store"))
        #expect(cli.transport.requests.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }
}

@Suite("Reading commands on a store they cannot or need not write")
struct ReadOnlyStoreTests {
    @Test func aMissingStoreIsNotCreatedByReadingCommands() async {
        let cli = CLIHarness([])
        let path = cli.environment["YLYTIC_STORE"]!
        let listed = await cli.run("list", "--json")
        #expect(listed.status == 0)
        #expect(listed.stdout == "[]\n")
        #expect(listed.stderr.contains("no requests yet"))
        #expect(await cli.run("history", "@someone").status == 2)
        #expect(await cli.run("export", "abc").status == 2)
        #expect(!FileManager.default.fileExists(atPath: path), "nothing was created")
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path))
    }

    /// Another user's store, readable but not writable: run the real binary as `nobody` when the tests run as
    /// root (root may write anything), as this user otherwise.
    @Test func aStoreThatCannotBeWrittenIsReadWithoutCreatingAnyFile() async throws {
        let cli = CLIHarness([Bodies.pending])
        #expect(await cli.run("refresh", "instagram", "thetatvaindia").status == 0)
        let store = URL(fileURLWithPath: cli.environment["YLYTIC_STORE"]!)
        let folder = store.deletingLastPathComponent()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: store.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        let listed = try await Self.runAsAnotherUser(["list", "--store", store.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("thetatvaindia"))
        let forget = try await Self.runAsAnotherUser(["forget", StoreCommandTests.id, "--store", store.path])
        #expect(forget.status == 2)
        #expect(forget.stderr.contains("is read-only for this user"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before, "no -wal or -shm")
    }

    static func runAsAnotherUser(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ylytic")
        let process = Process()
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "nobody", "--", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.environment = ["HOME": "/nonexistent", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Waited for on a thread of its own: a blocked test thread would stall every other test's tasks.
        nonisolated(unsafe) let (running, outputPipe, errorPipe) = (process, output, errors)
        return await OwnThread.run {
            let stdout = String(decoding: outputPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            running.waitUntilExit()
            return (running.terminationStatus, stdout, stderr)
        }
    }
}
