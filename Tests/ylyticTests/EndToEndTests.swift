import Foundation
import RefreshAPI
import RefreshSimulator
import RefreshTestSupport
import Testing
@testable import ylytic

@Suite("ylytic against a running simulator")
struct EndToEndTests {
    /// Runs ylytic in-process on the real network stack and clock against `simulator`.
    let storePath = CLIHarness.temporaryStorePath()

    func run(_ arguments: [String], against simulator: RunningSimulator) async -> CLIHarness.Run {
        let stdout = BufferSink(), stderr = BufferSink()
        var context = CommandContext(
            environment: [
                "YLYTIC_TOKEN": "e2e-token", "YLYTIC_BASE_URL": simulator.baseURL.absoluteString, "HOME": "/nonexistent",
                "YLYTIC_STORE": storePath,
            ],
            stdout: stdout, stderr: stderr, stdoutIsTerminal: false, stderrIsTerminal: false,
            transport: URLSessionTransport(), time: SystemTimeSource(), random: SystemRandomSource())
        context.tracking.monitor.firstPollDelay = 0.1
        context.tracking.monitor.maxInterval = 0.2
        let status = await Ylytic.run(arguments, context: context)
        return CLIHarness.Run(status: status, stdout: stdout.text, stderr: stderr.text)
    }

    func withSimulator(_ body: (RunningSimulator) async throws -> Void) async throws {
        var settings = SimulatorSettings()
        settings.tokens = ["e2e-token"]
        settings.processingTime = 0.2...0.4
        let simulator = try await Simulator.start(settings)
        do { try await body(simulator) } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }

    @Test func refreshWaitFollowsARefreshToItsEnd() async throws {
        try await withSimulator { simulator in
            let done = await run(["refresh", "instagram", "thetatvaindia", "--wait"], against: simulator)
            #expect(done.status == 0)
            #expect(done.stdout.count == 25, "the request id and a newline: \(done.stdout)")
            #expect(done.stderr.contains(" pending"))
            #expect(done.stderr.contains(" succeeded"))
            let failed = await run(["refresh", "https://instagram.com/private_club", "--wait", "--json"], against: simulator)
            #expect(failed.status == 1)
            #expect(failed.stdout.contains(#""state":"failed""#))
            #expect(failed.stdout.contains("this account is private"))
        }
    }

    @Test func watchReportsEveryRequestUntilAllEnd() async throws {
        try await withSimulator { simulator in
            var ids: [String] = []
            for target in [["instagram", "creator_one"], ["youtube_post", "iwIeyWv2ABI"], ["instagram", "missing_two"]] {
                let submitted = await run(["refresh"] + target, against: simulator)
                #expect(submitted.status == 0)
                ids.append(submitted.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            let watched = await run(["watch"] + ids, against: simulator)
            #expect(watched.status == 1, "one of them fails")
            for id in ids { #expect(watched.stdout.contains(id)) }
            #expect(watched.stdout.components(separatedBy: " succeeded").count - 1 == 2)
            #expect(watched.stdout.contains("failed failed: no such account on Instagram"))
            let shown = await run(["show", ids[0]], against: simulator)
            #expect(shown.status == 0)
            #expect(shown.stdout.contains("Top posts by engagement"))
        }
    }
}

@Suite("ylytic simulate as a process")
struct SimulateProcessTests {
    @Test func printsItsBaseURLFirstAndStopsOnSIGTERM() async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("ylytic")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "built ylytic at \(binary.path)")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["simulate", "--port", "0", "--latency", "0-0", "--token", "proc-token"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Readiness: the first line is the base URL, written once the server listens.
        nonisolated(unsafe) let (outputPipe, errorPipe, running) = (output, errors, process)
        let firstLine = await OwnThread.run {
            var firstLine = Data()
            while !firstLine.contains(UInt8(ascii: "\n")) {
                let chunk = outputPipe.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                firstLine.append(chunk)
            }
            return firstLine
        }
        try #require(firstLine.contains(UInt8(ascii: "\n")), "the simulator exited before printing its URL")
        let url = try #require(URL(string: String(decoding: firstLine, as: UTF8.self).components(separatedBy: "\n")[0]))
        #expect(url.absoluteString.hasPrefix("http://127.0.0.1:"))
        #expect(url.path == "/ylytic/api/v1")

        let client = RefreshClient(baseURL: url, token: APIToken("proc-token")!)
        let record = try await client.submit(try RefreshTarget(type: .instagram, value: "proc_test"))
        #expect(record.state == .pending)

        process.terminate()  // SIGTERM
        await OwnThread.run { running.waitUntilExit() }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let log = await OwnThread.run { String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        #expect(log.contains("POST /ylytic/api/v1/data_refresh/requests 201"))
        #expect(!log.contains("proc-token"))
    }
}
