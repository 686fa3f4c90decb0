import ArgumentParser
import Foundation
import RefreshAPI
import RefreshSimulator

/// `ylytic simulate`: the built-in simulator of the API as a server.
struct SimulateCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Serve a simulator of the Data Refresh API on this machine.",
        discussion: """
            The first line on stdout is the base URL it serves (e.g. http://127.0.0.1:54321/ylytic/api/v1), for \
            scripts to read; stderr gets one line per request, and one naming the target of each refresh created. \
            Stops on Ctrl-C or SIGTERM.

            Accepted tokens: those given with --token, else 'demo-token'. Faults for the whole run: \
            --faults rate-limit:0.2,server-error:0.1,slow,truncate,drop,malformed (probability 0.1 when left out). \
            Faults per target, by the start of the handle: ratelimit_, flaky_, slow_, truncated_, dropped_, \
            malformed_, huge_ (20,000 posts); private_ and missing_ refreshes fail; long_ ones take 3x the latency.

            With --drift, creators' figures move: with the day (growth or decline, a jump now and then that can \
            change a tier) and a little at each refresh; a refresh's trends end on the day it was made; handles \
            starting falling_ lose 5% of their followers at each refresh. The same on every run and machine.
            """)

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port; 0 takes any free port.")
    var port = 0

    @Option(name: .long, help: "A bearer token to accept (repeatable).")
    var token: [String] = []

    @Option(name: .long, help: "How long a refresh stays pending, MIN-MAX seconds.")
    var latency = "2-20"

    @Option(name: .long, help: "Faults for the whole run: KIND[:PROBABILITY],…")
    var faults: String?

    @Option(name: .long, help: "Give every finished refresh exactly this many posts (an oversized response).")
    var posts: Int?

    @Flag(name: .long, help: "Make creators' figures move with the day and between refreshes.")
    var drift = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard !host.contains(":") else {
            throw ValidationError("--host '\(host)' is an IPv6 address, which ylytic's client cannot reach; use 127.0.0.1 or localhost")
        }
        if let posts, posts < 0 { throw ValidationError("--posts must be zero or more") }
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        var settings = SimulatorSettings()
        do {
            settings.processingTime = try SimulatorSettings.processingTime(parsing: latency)
            if let faults { settings.faults = try FaultSettings(parsing: faults) }
        } catch {
            return context.fail(CommandFailure(message: error.description, status: .invalidInput))
        }
        settings.host = host
        settings.port = port
        settings.postCount = posts
        settings.drifts = drift
        if !token.isEmpty { settings.tokens = token }
        let stderr = context.stderr
        settings.log = { line in stderr.line(line) }
        do {
            try await Simulator.run(settings) { [stdout = context.stdout] url in
                stdout.line(url.absoluteString)
                stderr.line("ylytic simulate: serving the Data Refresh API at \(url.absoluteString); Ctrl-C stops")
            }
        } catch {
            return context.fail(CommandFailure(message: "the simulator stopped: \(error)", status: .networkProblem))
        }
        return .succeeded
    }
}
