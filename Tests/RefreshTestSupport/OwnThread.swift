import Foundation

/// Runs blocking work (waiting for a child process, reading a pipe to its end) on a thread of its own, so that it
/// holds none of the few threads every test's tasks share: on a two-core machine, two such waits would stall every
/// other test's tasks (and their time-outs) for as long as they last.
public enum OwnThread {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}
