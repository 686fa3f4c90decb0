import RefreshAPI
import Synchronization

/// A fixed value, or a repeating sequence, for predictable jitter in tests.
public final class FixedRandomSource: RandomSource, Sendable {
    private let values: [Double]
    private let index = Mutex(0)

    /// Returns `values` in turn, starting over at the end.
    public init(_ values: Double...) {
        precondition(!values.isEmpty && values.allSatisfy { (0..<1).contains($0) })
        self.values = values
    }

    public func unit() -> Double {
        index.withLock { index in
            defer { index = (index + 1) % values.count }
            return values[index]
        }
    }
}
