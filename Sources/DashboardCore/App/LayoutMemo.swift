import Synchronization

/// The last layout a view made, kept so that drawing the next frame of the same content at the same size lays
/// nothing out again. A page holds one for its content; copies of the page share it, and content that changes gets a
/// new one.
final class LayoutMemo<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private let last = Mutex<(key: Key, value: Value)?>(nil)

    /// The value for `key`: the one kept, or `make()`'s, kept in its place.
    func value(for key: Key, make: () -> Value) -> Value {
        if let kept = last.withLock({ $0 }), kept.key == key { return kept.value }
        let value = make()
        last.withLock { $0 = (key, value) }
        return value
    }
}
