import Foundation
import RefreshAPI
import RefreshTestSupport
import Synchronization
@testable import ylytic

/// Runs `ylytic` in-process against a scripted transport and captures what it prints.
struct CLIHarness {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String

        var everything: String { stdout + stderr }
    }

    var environment: [String: String] = [
        "YLYTIC_TOKEN": Samples.token.secret, "YLYTIC_BASE_URL": "http://127.0.0.1:9/ylytic/api/v1",
        "HOME": "/nonexistent", "LANG": "C.UTF-8",
    ]
    var isTerminal = false
    /// What a person types on standard input, which is then a terminal; nil: standard input is not one.
    var answer: String?
    let transport: FakeTransport
    /// Real time run a hundred times as fast (a command's polls, leases and time-outs keep their order), or a clock
    /// the test moves itself.
    let time: any TimeSource
    /// What Ctrl-C would send to a command that follows requests.
    let stops = AsyncStream.makeStream(of: Void.self)

    init(_ answers: [FakeTransport.Answer], fallback: FakeTransport.Answer? = nil, time: any TimeSource = ScaledTimeSource()) {
        transport = FakeTransport(answers, fallback: fallback)
        self.time = time
        environment["YLYTIC_STORE"] = Self.temporaryStorePath()
    }

    init(
        _ answers: [FakeTransport.Answer] = [], byRequestID scripts: [String: [FakeTransport.Answer]],
        time: any TimeSource = ScaledTimeSource()
    ) {
        transport = FakeTransport(answers, byRequestID: scripts)
        self.time = time
        environment["YLYTIC_STORE"] = Self.temporaryStorePath()
    }

    /// A store file of its own in the temporary folder (created on first use).
    static func temporaryStorePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-cli-\(UUID().uuidString)/ylytic.sqlite").path
    }

    func run(_ arguments: String...) async -> Run {
        await run(arguments)
    }

    /// A command that runs until it is stopped, with what it has printed so far readable while it runs.
    struct Running {
        let stdout: BufferSink
        let stderr: BufferSink
        let completion: Completion
        let task: Task<Run, Never>

        /// Whether the command has ended.
        var isDone: Bool { completion.isDone }

        /// Waits, polling at most `limit` seconds of real time, until `condition` holds of what was printed.
        func waitUntil(_ limit: Double = 60, _ condition: (_ stdout: String, _ stderr: String) -> Bool) async -> Bool {
            let clock = ContinuousClock(), end = clock.now + .seconds(limit)
            while clock.now < end {
                if condition(stdout.text, stderr.text) { return true }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return condition(stdout.text, stderr.text)
        }

        /// Moves `time` from one sleeper's deadline to the next (polls, retries, leases), never to `limit` or
        /// beyond, until `condition` holds of what was printed; polls at most `realLimit` seconds of real time.
        func advance(
            _ time: ManualTimeSource, before limit: Date, realLimit: Double = 60,
            until condition: (_ stdout: String, _ stderr: String) -> Bool
        ) async -> Bool {
            let clock = ContinuousClock(), end = clock.now + .seconds(realLimit)
            while clock.now < end {
                if condition(stdout.text, stderr.text) { return true }
                if let next = time.nextDeadline, next < limit {
                    time.advance(to: next)
                    await Task.yield()
                } else {
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
            return condition(stdout.text, stderr.text)
        }
    }

    /// Starts a command; `stops` ends it as Ctrl-C would.
    func start(_ arguments: String...) -> Running {
        start(arguments)
    }

    func start(_ arguments: [String]) -> Running {
        let stdout = BufferSink(), stderr = BufferSink(), completion = Completion()
        let harness = self
        return Running(
            stdout: stdout, stderr: stderr, completion: completion,
            task: Task {
                let run = await harness.run(arguments, stdout: stdout, stderr: stderr)
                completion.finish()
                return run
            })
    }

    func run(_ arguments: [String]) async -> Run {
        await run(arguments, stdout: BufferSink(), stderr: BufferSink())
    }

    private func run(_ arguments: [String], stdout: BufferSink, stderr: BufferSink) async -> Run {
        var context = CommandContext(
            environment: environment, stdout: stdout, stderr: stderr, stdoutIsTerminal: isTerminal,
            stderrIsTerminal: isTerminal, transport: transport, time: time, random: FixedRandomSource(0.5),
            stopRequests: { [stream = stops.stream] in stream })
        if let answer {
            context.stdinIsTerminal = true
            context.readLine = { answer }
        }
        // An hour of lease: on a clock a hundred times as fast, a busy test machine never lets one lapse.
        context.tracking.leaseDuration = 3600
        // Releasing leases on stop is checked: a loaded machine's store is given time enough to take it.
        context.tracking.releaseWait = .seconds(60)
        let status = await Ylytic.run(arguments, context: context)
        return Run(status: status, stdout: stdout.text, stderr: stderr.text)
    }
}

enum Bodies {
    static func record(_ id: String = "65b87c8576c9b42b3a285805", message: String, code: Int = 200,
        response: String = "null") -> FakeTransport.Answer
    {
        HTTPResponse.json(200, """
            {"request_id":"\(id)","request":{"request_type":"instagram","handle":"thetatvaindia"},"response":\(response),
             "status":{"code":\(code),"message":"\(message)","request_at":"Tue, 30 Jan 2024 04:35:17 GMT","response_at":null}}
            """)
    }

    static let pending = record(message: "pending", code: 201)
    static let failed = record(message: "failed: account is private")

    static var succeeded: FakeTransport.Answer { succeeded(id: "request_identifier") }

    /// The spec's GET sample, answered for request `id`.
    static func succeeded(id: String) -> FakeTransport.Answer {
        let sample = String(decoding: try! Samples.fixture("spec-get-response"), as: UTF8.self)
            .replacingOccurrences(of: "request_identifier", with: id)
        return .success(HTTPResponse(status: 200, body: Data(sample.utf8)))
    }
}

/// Whether a command started by ``CLIHarness/start(_:)`` has ended.
final class Completion: Sendable {
    private let done = Mutex(false)

    var isDone: Bool { done.withLock { $0 } }

    func finish() {
        done.withLock { $0 = true }
    }
}
