import Synchronization

/// Where jitter comes from, so tests can make it predictable.
public protocol RandomSource: Sendable {
    /// A number in `0..<1`.
    func unit() -> Double
}

/// The system's random numbers.
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func unit() -> Double { Double.random(in: 0..<1) }
}

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
