import Foundation

/// How failed calls are retried: a bounded number of attempts, exponential
/// backoff with full jitter, and the server's `Retry-After` honoured.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first one included.
    public var maxAttempts: Int
    /// Upper bound of the first backoff; doubles with each attempt.
    public var baseDelay: TimeInterval
    /// Upper bound of any backoff.
    public var maxDelay: TimeInterval
    /// The longest `Retry-After` the client waits for; a longer one ends the retries.
    public var maxRetryAfter: TimeInterval
    /// Whether a 429 is retried; when not, it is handed back at once (the monitor pauses all polling on it).
    public var retriesRateLimits: Bool

    /// HTTP statuses worth another try.
    public static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]

    public init(maxAttempts: Int = 4, baseDelay: TimeInterval = 0.5, maxDelay: TimeInterval = 8,
        maxRetryAfter: TimeInterval = 120, retriesRateLimits: Bool = true)
    {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.retriesRateLimits = retriesRateLimits
    }

    /// Four attempts, 0.5 s doubling to at most 8 s, `Retry-After` up to 2 minutes.
    public static let standard = RetryPolicy()
    /// One attempt only: the caller retries on its own schedule.
    public static let once = RetryPolicy(maxAttempts: 1)
    /// A poll of the monitor: network errors and 5xx get the standard four attempts; a 429 comes back at once,
    /// so that the monitor pauses every poll until its `Retry-After`.
    public static let polling = RetryPolicy(retriesRateLimits: false)

    /// The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed:
    /// uniformly random in `0...min(maxDelay, baseDelay × 2^(attempt-1))` (full jitter).
    public func backoff(afterAttempt attempt: Int, random: any RandomSource) -> TimeInterval {
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
        return ceiling * random.unit()
    }
}

/// Reads a `Retry-After` header: delay-seconds or an HTTP-date.
public enum RetryAfter {
    /// The wait the header asks for, from `now`; `nil` when absent or unreadable. Never negative.
    public static func delay(from header: String?, now: Date) -> TimeInterval? {
        guard let header = header?.trimmingWhitespace(), !header.isEmpty else { return nil }
        if let seconds = Double(header), seconds.isFinite {
            return max(0, seconds)
        }
        guard let date = HTTPDate.parse(header) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
