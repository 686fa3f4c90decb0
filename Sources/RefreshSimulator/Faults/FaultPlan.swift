import Foundation
import RefreshAPI

/// What goes wrong with one answer.
enum Fault: Equatable {
    case rateLimited(retryAfter: Int)
    case serverError(status: Int)
    case truncated
    case dropped
    case malformed
}

/// Decides the faults of each answer: from the run's probabilities, and from the
/// target's value when it starts with a fault prefix, so that tests can rely on them.
///
/// | Prefix | Effect |
/// | --- | --- |
/// | `ratelimit_` | the first 2 GETs answer 429 with `Retry-After` |
/// | `flaky_` | the first 3 GETs answer 500, 502, 503 |
/// | `slow_` | every answer is delayed by the slow delay |
/// | `truncated_` | the first 2 GETs are cut short |
/// | `dropped_` | the first 2 GETs lose their connection |
/// | `malformed_` | every GET of the finished refresh answers invalid JSON |
/// | `huge_` | the refresh succeeds with 20,000 posts |
/// | `private_`, `missing_` | the refresh fails, as for a private or missing account |
/// | `long_` | the refresh takes three times the longest processing time |
struct FaultPlan: Sendable {
    let settings: FaultSettings

    /// The delay before answering a request about `target`.
    func delay(for target: RefreshTarget?, random: inout some RandomNumberGenerator) -> TimeInterval {
        if target.map({ Self.has("slow_", $0) }) == true { return settings.slowDelay }
        return Self.happens(.slow, settings, &random) ? settings.slowDelay : 0
    }

    /// The run's fault for a GET, if any, whatever it asks for.
    func getFault(random: inout some RandomNumberGenerator) -> Fault? {
        runFault(&random, allowing: FaultKind.allCases)
    }

    /// The target's own fault for the `attempt`-th GET (1-based) of a request about it, if any.
    func getFault(target: RefreshTarget, attempt: Int, isFinished: Bool) -> Fault? {
        if Self.has("ratelimit_", target), attempt <= 2 { return .rateLimited(retryAfter: settings.retryAfter) }
        if Self.has("flaky_", target), attempt <= 3 { return .serverError(status: [500, 502, 503][attempt - 1]) }
        if Self.has("truncated_", target), attempt <= 2 { return .truncated }
        if Self.has("dropped_", target), attempt <= 2 { return .dropped }
        if Self.has("malformed_", target), isFinished { return .malformed }
        return nil
    }

    /// The fault of a POST, if any: only those that leave no refresh behind.
    func postFault(random: inout some RandomNumberGenerator) -> Fault? {
        runFault(&random, allowing: [.rateLimit, .serverError, .drop])
    }

    private func runFault(_ random: inout some RandomNumberGenerator, allowing kinds: [FaultKind]) -> Fault? {
        for kind in kinds where kind != .slow && Self.happens(kind, settings, &random) {
            switch kind {
            case .rateLimit: return .rateLimited(retryAfter: settings.retryAfter)
            case .serverError: return .serverError(status: [500, 502, 503].randomElement(using: &random)!)
            case .truncate: return .truncated
            case .drop: return .dropped
            case .malformed: return .malformed
            case .slow: continue
            }
        }
        return nil
    }

    private static func happens(_ kind: FaultKind, _ settings: FaultSettings, _ random: inout some RandomNumberGenerator)
        -> Bool
    {
        guard let probability = settings.probabilities[kind], probability > 0 else { return false }
        return Double.random(in: 0..<1, using: &random) < probability
    }

    static func has(_ prefix: String, _ target: RefreshTarget) -> Bool {
        target.value.lowercased().hasPrefix(prefix)
    }

    /// The server's words when the refresh of `target` fails, or nil when it succeeds.
    static func failure(for target: RefreshTarget) -> String? {
        let value = target.value.lowercased()
        if value.hasPrefix("private_") || value.contains("private") && target.type == .youtube {
            return "failed: this account is private"
        }
        if value.hasPrefix("missing_") || value.hasPrefix("missing") || value.hasPrefix("404") {
            return "failed: no such \(target.type.isSinglePost ? "post" : "account") on \(target.type.platform.displayName)"
        }
        return nil
    }
}
