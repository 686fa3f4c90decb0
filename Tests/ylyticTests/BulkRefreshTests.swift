import Foundation
import RefreshAPI
import RefreshSimulator
import RefreshTestSupport
import Synchronization
import Testing
@testable import ylytic

@Suite("Bulk refresh from a file against a running simulator")
struct BulkRefreshTests {
    let storePath = CLIHarness.temporaryStorePath()

    /// The refreshes the simulator created, with when.
    final class CreationLog: Sendable {
        private let entries = Mutex<[(target: String, at: ContinuousClock.Instant)]>([])

        func take(_ line: String) {
            guard line.hasPrefix("created ") else { return }
            let target = line.components(separatedBy: " for ").last ?? ""
            entries.withLock { $0.append((target, .now)) }
        }

        var targets: [String] { entries.withLock { $0.map(\.target) } }
        var times: [ContinuousClock.Instant] { entries.withLock { $0.map(\.at) } }
    }

    /// Runs ylytic in-process on the real network stack and clock; `stops` is what Ctrl-C would send.
    /// With an `answer`, standard input is a terminal on which it is typed.
    func run(
        _ arguments: [String], against simulator: RunningSimulator, stops: AsyncStream<Void> = AsyncStream { _ in },
        answer: String? = nil
    ) async -> CLIHarness.Run {
        await run(arguments, at: simulator.baseURL, stops: stops, answer: answer)
    }

    func run(
        _ arguments: [String], at baseURL: URL, stops: AsyncStream<Void> = AsyncStream { _ in }, answer: String? = nil
    ) async -> CLIHarness.Run {
        let stdout = BufferSink(), stderr = BufferSink()
        var context = CommandContext(
            environment: [
                "YLYTIC_TOKEN": "e2e-token", "YLYTIC_BASE_URL": baseURL.absoluteString, "HOME": "/nonexistent",
                "YLYTIC_STORE": storePath,
            ],
            stdout: stdout, stderr: stderr, stdoutIsTerminal: false, stderrIsTerminal: false,
            transport: URLSessionTransport(), time: SystemTimeSource(), random: SystemRandomSource(),
            stopRequests: { stops })
        context.tracking.monitor.firstPollDelay = 0.5
        context.tracking.monitor.maxInterval = 1
        if let answer {
            context.stdinIsTerminal = true
            context.readLine = { answer }
        }
        let status = await Ylytic.run(arguments, context: context)
        return CLIHarness.Run(status: status, stdout: stdout.text, stderr: stderr.text)
    }

    @Test func aLargeBatchAsksOnATerminalWithItsPriceAndNoSendsNothing() async throws {
        let log = CreationLog()
        var settings = SimulatorSettings()
        settings.tokens = ["e2e-token"]
        settings.processingTime = 0.2...0.4
        settings.log = { log.take($0) }
        let simulator = try await Simulator.start(settings)
        defer { Task { await simulator.stop() } }
        let listed = FileManager.default.temporaryDirectory.appendingPathComponent("asked-\(UUID().uuidString).txt")
        try (0..<25).map { "@asked_\($0)" }.joined(separator: "\n").write(to: listed, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: listed) }

        let declined = await run(["refresh", "--from", listed.path], against: simulator, answer: "n")
        #expect(declined.status == 130)
        #expect(declined.stderr == "Refresh 25 creators? 25 new requests. [y]es, [N]o: Sent nothing.\n")
        #expect(log.targets.isEmpty, "nothing was sent")
        let forcedNothing = await run(["refresh", "--from", listed.path], against: simulator, answer: "f")
        #expect(forcedNothing.status == 130, "f is no yes when nothing is fresh")
        #expect(log.targets.isEmpty)

        let accepted = await run(["refresh", "--from", listed.path], against: simulator, answer: "y")
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(log.targets.count == 25)
        let again = await run(["refresh", "--from", listed.path, "--fresh-for", "1h"], against: simulator, answer: "")
        #expect(again.stderr.hasPrefix("Refresh 25 creators? 0 new requests; 25 fresh ones joined. [y]es, [f]orce the fresh ones too, [N]o: "))
        #expect(await run(["refresh", "--from", listed.path, "--yes", "--json"], against: simulator, answer: "n").status == 0, "--yes sends without asking")
        #expect(log.targets.count == 25, "the fresh ones were joined")
    }

    @Test func twoHundredTargetsArePostedOnceEachAtFiveASecondAcrossAnInterruption() async throws {
        let log = CreationLog()
        var settings = SimulatorSettings()
        settings.tokens = ["e2e-token"]
        settings.processingTime = 1...2
        settings.log = { log.take($0) }
        let simulator = try await Simulator.start(settings)
        defer { Task { await simulator.stop() } }

        // 200 creators in several forms, 10 bad lines, 15 repeats.
        var lines = (0..<200).map { $0.isMultiple(of: 3) ? "@Bulk_\($0)" : "https://www.instagram.com/bulk_\($0)/" }
        for index in 0..<15 { lines.insert("bulk_\(index * 7)", at: 20 + index * 11) }
        let badAt = (0..<10).map { 5 + $0 * 19 }
        for (count, index) in badAt.enumerated() { lines.insert(count.isMultiple(of: 2) ? "not a handle" : "bad!name", at: index) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).txt")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let refused = await run(["refresh", "--from", file.path], against: simulator)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("10 bad lines"))
        let reported = refused.stderr.split(separator: "\n").compactMap { line in
            line.hasPrefix(file.path + ":") ? Int(line.dropFirst(file.path.count + 1).prefix { $0.isNumber }) : nil
        }
        #expect(reported == badAt.map { $0 + 1 }, "each bad line by its number")
        #expect(log.targets.isEmpty, "nothing is sent while a line is bad")

        // Stopped halfway, as Ctrl-C would.
        let stops = AsyncStream.makeStream(of: Void.self)
        let stopper = Task {
            while log.targets.count < 100 { try await Task.sleep(for: .milliseconds(20)) }
            stops.continuation.yield()
        }
        let first = await run(
            ["refresh", "--from", file.path, "--skip-bad", "--json"], against: simulator, stops: stops.stream)
        _ = try? await stopper.value
        #expect(first.status == 130, "\(first.stderr)")
        #expect(first.stderr.contains("stopped after"))
        let firstSent = log.targets.count
        #expect(firstSent >= 100 && firstSent < 200)

        let second = await run(["refresh", "--from", file.path, "--skip-bad", "--json"], against: simulator)
        #expect(second.status == 0, "\(second.stderr)")
        let summary = try #require(second.stdout.split(separator: "\n").last)
        #expect(summary.contains(#""succeeded":200"#), "\(summary)")
        #expect(summary.contains(#""joined":\#(firstSent)"#), "what the first run sent is joined, not sent again")

        let targets = log.targets
        #expect(targets.count == 200, "each target POSTed once")
        #expect(Set(targets) == Set((0..<200).map { "instagram bulk_\($0)" }))
        // The pacer's own bound (five turns a second at most, each 0.2 s after the last) is proven on a fake clock.
        // Here only what a loaded machine cannot bring closer is checked: a run of a hundred POSTs or more spans at
        // least its turns (the first is left out, as the one a new connection can hold up).
        let times = log.times
        let span = (times[firstSent - 1] - times[1]) / .seconds(1)
        #expect(Double(firstSent - 2) / span <= 5.5, "about five a second over the first run, never a burst")
    }

    @Test func aRostersCreatorsAreRefreshedOnlyWhenOlderThanAsked() async throws {
        let log = CreationLog()
        var settings = SimulatorSettings()
        settings.tokens = ["e2e-token"]
        settings.processingTime = 0.2...0.4
        settings.log = { log.take($0) }
        let simulator = try await Simulator.start(settings)
        defer { Task { await simulator.stop() } }

        #expect(await run(["roster", "create", "brand", "@one", "@two", "private_three", "--max-age", "7d"], against: simulator).status == 0)
        let first = await run(["roster", "refresh", "brand", "--json"], against: simulator)
        #expect(first.status == 1, "one of them fails: \(first.stderr)")
        let events = first.stdout.split(separator: "\n").map(String.init)
        #expect(events.filter { $0.contains(#""event":"succeeded""#) }.count == 2)
        #expect(events.contains { $0.contains(#""event":"failed""#) && $0.contains("private_three") && $0.contains("private") })
        #expect(events.last?.contains(#""succeeded":2"#) == true && events.last?.contains(#""failed":1"#) == true)

        let shown = await run(["roster", "show", "brand", "--json"], against: simulator)
        #expect(shown.stdout.contains(#""stale":1"#), "the one never refreshed is stale: \(shown.stdout)")
        let again = await run(["roster", "refresh", "brand"], against: simulator)
        #expect(again.status == 1)
        #expect(again.stderr.contains("1 of 3 creators are older than 7d"), "\(again.stderr)")
        #expect(log.targets.sorted() == ["instagram one", "instagram private_three", "instagram private_three", "instagram two"])
        let none = await run(["roster", "refresh", "brand", "--older-than", "1h", "--force"], against: simulator)
        #expect(none.stderr.contains("Done: 1 submitted"), "--force sends even so, only what is older: \(none.stderr)")
    }

    @Test func aServerThatCannotBeReachedStopsTheRunWithExitFour() async throws {
        // A port nothing listens on: every POST is refused at once (and retried, since it never arrived).
        let refusing = try RefusingPort()
        let listed = FileManager.default.temporaryDirectory.appendingPathComponent("down-\(UUID().uuidString).txt")
        try (0..<10).map { "@down_\($0)" }.joined(separator: "\n").write(to: listed, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: listed) }
        let down = await run(["refresh", "--from", listed.path], at: refusing.baseURL)
        #expect(down.status == 4, "\(down.stderr)")
        #expect(down.stderr.contains("ylytic: the server cannot be reached or keeps failing ("), "\(down.stderr)")
        // A POST refused at the door is "refused"; one whose connection was cut before an answer is "unknown".
        let couldNotGo = down.stderr.split(separator: "\n")
            .filter { $0.hasPrefix("instagram down_") && ($0.contains(" refused") || $0.contains(" unknown")) }.count
        // Four go at once: three that could not go in a row stop it, and at most the three then under way end too.
        #expect(couldNotGo >= 3 && couldNotGo <= 6, "it stops after three in a row: \(down.stderr)")
        #expect(down.stderr.contains("\(10 - couldNotGo) to go"), "\(down.stderr)")
    }

    @Test func aTimeoutStopsFollowingWithExitFive() async throws {
        var settings = SimulatorSettings()
        settings.tokens = ["e2e-token"]
        settings.processingTime = 600...600
        let simulator = try await Simulator.start(settings)
        defer { Task { await simulator.stop() } }
        let listed = FileManager.default.temporaryDirectory.appendingPathComponent("patient-\(UUID().uuidString).txt")
        try "@patient_one\n@patient_two\n".write(to: listed, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: listed) }
        // Both are answered at once, long before the time runs out (two POSTs against fifteen seconds, for a
        // machine that stalls), and neither has ended when it does.
        let timedOut = await run(["refresh", "--from", listed.path, "--timeout", "15"], against: simulator)
        #expect(timedOut.status == 5, "\(timedOut.stderr)")
        #expect(timedOut.stderr.contains("ylytic: timed out after 2 submitted · 2 pending"), "\(timedOut.stderr)")
    }
}
