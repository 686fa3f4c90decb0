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
