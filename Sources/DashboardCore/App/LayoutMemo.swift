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

/// How far a page of lines may scroll: one rule for every page (a creator, a comparison).
enum Scroll {
    /// `scroll` held between the top and the last start that still fills `visible` lines of `lines`.
    static func clamped(_ scroll: Int, lines: Int, visible: Int) -> Int {
        min(max(0, scroll), max(0, lines - max(1, visible)))
    }

    /// Where a page scrolled by a line, a page, to the top or the bottom starts.
    static func moved(_ scroll: Int, by command: Command, lines: Int, visible: Int) -> Int {
        let moved =
            switch command {
            case .moveDown: scroll + 1
            case .moveUp: scroll - 1
            case .pageDown: scroll + visible
            case .pageUp: scroll - visible
            case .first: 0
            case .last: Int.max / 2
            default: scroll
            }
        return clamped(moved, lines: lines, visible: visible)
    }

    /// "  lines 3-22 of 80" when the lines do not all fit, else nothing.
    static func position(_ scroll: Int, lines: Int, visible: Int) -> String {
        lines > visible ? "  lines \(scroll + 1)-\(min(lines, scroll + visible)) of \(lines)" : ""
    }
}
