/// Why a value cannot be sent as a refresh target, in words that say what to fix.
public struct TargetValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The sentence shown to the person who typed the value.
    public let message: String

    /// Creates an error with the given explanation.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
