import Foundation

/// A way the simulator can misbehave, as the real API might.
public enum FaultKind: String, CaseIterable, Sendable {
    /// 429 with `Retry-After`.
    case rateLimit = "rate-limit"
    /// 500, 502 or 503.
    case serverError = "server-error"
    /// The answer comes after a delay.
    case slow
    /// The body is cut short: `Content-Length` promises more than is sent before the connection closes.
    case truncate
    /// The connection is closed without a complete answer.
    case drop
    /// The body is not valid JSON.
    case malformed
}

/// Faults chosen for a whole run: each kind happens to a request with its probability.
public struct FaultSettings: Sendable, Equatable {
    public var probabilities: [FaultKind: Double]
    /// The delay of a slow answer.
    public var slowDelay: TimeInterval
    /// The `Retry-After` of a 429, in seconds.
    public var retryAfter: Int

    public init(probabilities: [FaultKind: Double] = [:], slowDelay: TimeInterval = 3, retryAfter: Int = 1) {
        self.probabilities = probabilities
        self.slowDelay = slowDelay
        self.retryAfter = retryAfter
    }

    /// Reads `rate-limit:0.2,server-error,slow:0.05`: a comma-separated list of kinds,
    /// each with an optional probability (0.1 when left out).
    public init(parsing text: String) throws(SimulatorSettingsError) {
        self.init()
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let kind = FaultKind(rawValue: parts[0]) else {
                throw SimulatorSettingsError(
                    "unknown fault '\(parts[0])'; use \(FaultKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let probability = parts.count == 2 ? Double(parts[1]) : 0.1
            guard let probability, (0...1).contains(probability) else {
                throw SimulatorSettingsError("the probability of '\(parts[0])' must be a number from 0 to 1")
            }
            probabilities[kind] = probability
        }
    }
}

/// A bad simulator setting, with what to change.
public struct SimulatorSettingsError: Error, CustomStringConvertible, Equatable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
