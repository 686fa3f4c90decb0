/// Where a refresh request stands, read from the server's status.
public enum RefreshState: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The server is still working on it.
    case pending
    /// The server finished and sent the creator's data.
    case succeeded
    /// The server finished without data; carries the server's own words.
    case failed(message: String)
    /// The status could not be understood; carries what was seen.
    case unknown(seen: String)

    private static let successWords: Set<String> = ["success", "succeeded", "successful", "completed", "complete", "done"]
    private static let failureWords = [
        "fail", "error", "invalid", "not found", "private", "unavailable", "does not exist", "rejected",
        "cancel", "denied",
    ]

    /// Reads a status: `pending` and `success` as documented; a code of 400 or more,
    /// or a message that speaks of failure, as failed; anything else as unknown.
    public init(status: RefreshStatus?) {
        guard let status else {
            self = .unknown(seen: "no status in the response")
            return
        }
        let message = status.message?.trimmingWhitespace() ?? ""
        let word = message.lowercased()
        if word == "pending" {
            self = .pending
        } else if Self.successWords.contains(word) {
            self = .succeeded
        } else if (status.code ?? 0) >= 400 || Self.failureWords.contains(where: word.contains) {
            self = .failed(message: message.isEmpty ? "status code \(status.code ?? 0)" : message)
        } else {
            let code = status.code.map { "code \($0)" } ?? "no code"
            self = .unknown(seen: message.isEmpty ? "\(code), no message" : "\(code), message '\(message)'")
        }
    }

    /// Whether the server will say nothing more about this request.
    public var hasEnded: Bool {
        switch self {
        case .succeeded, .failed: true
        case .pending, .unknown: false
        }
    }

    /// A one-word name for scripts and filters: pending, succeeded, failed, unknown.
    public var name: String {
        switch self {
        case .pending: "pending"
        case .succeeded: "succeeded"
        case .failed: "failed"
        case .unknown: "unknown"
        }
    }

    /// The server's words (failed) or what was seen (unknown).
    public var detail: String? {
        switch self {
        case .failed(let message): message
        case .unknown(let seen): seen
        case .pending, .succeeded: nil
        }
    }

    public var description: String {
        Self.phrase(name, detail: detail)
    }

    /// A state's name and its detail, the name said once: "failed: this account is private" whether or not the
    /// server's words already start with "failed".
    public static func phrase(_ name: String, detail: String?) -> String {
        guard let detail, !detail.isEmpty else { return name }
        let lowered = detail.lowercased()
        return lowered.hasPrefix(name.lowercased()) ? detail : "\(name): \(detail)"
    }
}
