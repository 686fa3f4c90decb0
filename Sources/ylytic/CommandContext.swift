import Foundation
import RefreshAPI
import RefreshTracking
import Terminal

/// Everything a command touches outside itself, so that tests can run commands
/// in-process with a fake transport, a manual clock and captured output.
struct CommandContext: Sendable {
    var environment: [String: String]
    var stdout: any OutputSink
    var stderr: any OutputSink
    var stdoutIsTerminal: Bool
    var stderrIsTerminal: Bool
    /// Whether standard input is a terminal a person can answer a question on.
    var stdinIsTerminal = false
    /// A line typed on standard input (without its line break), or nil at its end.
    var readLine: @Sendable () async -> String? = { nil }
    /// The columns of the terminal standard output goes to, if it is one.
    var stdoutColumns: Int? = nil
    /// The width of the terminal stderr goes to, when it is one (for a progress line).
    var stderrColumns: Int? = nil
    var transport: any HTTPTransport
    var time: any TimeSource
    var random: any RandomSource
    /// The pace of polls and leases.
    var tracking = TrackerConfiguration()
    /// Requests to stop (Ctrl-C, SIGTERM, SIGHUP) for commands that follow requests, so that they leave cleanly.
    var stopRequests: @Sendable () -> AsyncStream<Void> = { AsyncStream { _ in } }

    /// The real process: its environment, standard streams and the network.
    static func live() -> CommandContext {
        CommandContext(
            environment: ProcessInfo.processInfo.environment,
            stdout: FileSink(descriptor: STDOUT_FILENO), stderr: FileSink(descriptor: STDERR_FILENO),
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, stderrIsTerminal: isatty(STDERR_FILENO) == 1,
            stdinIsTerminal: isatty(STDIN_FILENO) == 1, readLine: { Swift.readLine() },
            stdoutColumns: TerminalWidth.of(STDOUT_FILENO), stderrColumns: TerminalWidth.of(STDERR_FILENO),
            transport: URLSessionTransport(), time: SystemTimeSource(), random: SystemRandomSource(),
            stopRequests: StopSignals.stream)
    }
}

/// Where a command writes text.
protocol OutputSink: Sendable {
    func write(_ text: String)
}

extension OutputSink {
    func line(_ text: String) { write(text + "\n") }
}

/// A file descriptor, written unbuffered so that lines reach logs as they happen.
struct FileSink: OutputSink {
    let descriptor: Int32

    func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 {
                if written < 0, errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

extension CommandContext {
    /// How wide a line rewritten in place on stderr may be: `COLUMNS`, else the terminal's width, else 80.
    var progressWidth: Int {
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        return stderrColumns ?? 80
    }

    /// How wide text tables may be: `COLUMNS`, else the terminal's width; nil (no limit) for a pipe or a file.
    var outputWidth: Int? {
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        return stdoutColumns
    }

    /// A tracker on `store` with this context's clock, randomness and pace.
    func tracker(store: any TrackingStore, client: RefreshClient?, scope: FollowScope) -> RefreshTracker {
        RefreshTracker(store: store, client: client, scope: scope, configuration: tracking, time: time, random: random)
    }
}
