import Synchronization
@testable import ylytic

/// Output kept in memory, for tests.
final class BufferSink: OutputSink {
    private let buffer = Mutex("")

    func write(_ text: String) {
        buffer.withLock { $0 += text }
    }

    var text: String { buffer.withLock { $0 } }
}
