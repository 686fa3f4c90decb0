import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT, SIGTERM and SIGHUP as a stream, for commands that leave cleanly when asked to (giving up what they
/// hold in the store) instead of dying at once. While the stream is iterated these signals do not end the
/// process; when the iteration ends, the handlers in place before are restored.
public enum StopSignals {
    public static func stream() -> AsyncStream<Void> {
        AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let queue = DispatchQueue(label: "ylytic.stop-signals")
            let numbers = [SIGINT, SIGTERM, SIGHUP]
            let previous = numbers.map { signal($0, SIG_IGN) }
            // Set once here and only cancelled in `onTermination`.
            nonisolated(unsafe) let sources = numbers.map { number in
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { continuation.yield() }
                source.resume()
                return source
            }
            continuation.onTermination = { _ in
                for source in sources { source.cancel() }
                for (number, handler) in zip(numbers, previous) { _ = signal(number, handler) }
            }
        }
    }
}
