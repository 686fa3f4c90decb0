import Foundation

/// Why a call to the API did not give an answer, in words that say what to do.
/// No case ever holds the token.
public enum RefreshClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No token is configured; `tokenFile` is where this environment looks for one.
    case tokenMissing(tokenFile: String)
    /// The server refused the token (401 or 403).
    case tokenRejected(status: Int, serverMessage: String?)
    /// The server does not know this request id (404).
    case requestNotFound(RequestID)
    /// The server refused the request as invalid (another 4xx), with its words.
    case rejected(status: Int, serverMessage: String?)
    /// The server asked to slow down and did not recover within the attempts allowed.
    case rateLimited(retryAfter: TimeInterval?)
    /// The server or the network failed on every attempt.
    case serverUnavailable(attempts: Int, lastProblem: String)
    /// A submission may or may not have reached the server; it was not repeated,
    /// so as not to create a second refresh.
    case outcomeUnknown(String)
    /// The server answered something that is not a readable API response.
    case responseUnreadable(ResponseUnreadable)
    /// The request id cannot be put in a URL.
    case malformedRequestID(RequestID)

    /// Whether asking again cannot help: the server does not know the id, refuses the token or the request.
    /// Anything else (the network, 5xx, 429, a body cut short or unreadable) may go away.
    public var isPermanent: Bool {
        switch self {
        case .tokenMissing, .tokenRejected, .requestNotFound, .rejected, .malformedRequestID: true
        case .rateLimited, .serverUnavailable, .outcomeUnknown, .responseUnreadable: false
        }
    }

    /// What went wrong in a few words, for a line that has little room (a retrying request's state): "HTTP 503",
    /// "connection refused", "unreadable answer". Errors that end the following keep their whole description.
    public var summary: String {
        switch self {
        case .serverUnavailable(_, let problem): problem
        case .rateLimited: "HTTP 429"
        case .responseUnreadable: "unreadable answer"
        case .outcomeUnknown(let problem): problem
        case .tokenMissing, .tokenRejected, .requestNotFound, .rejected, .malformedRequestID: description
        }
    }

    /// Where a token can be set, for messages that ask for one; `tokenFile` is the file this environment reads.
    public static func tokenHelp(tokenFile: String) -> String {
        "Set YLYTIC_TOKEN, pass --token-file PATH, or put the token in \(tokenFile) (mode 600)."
    }

    public var description: String {
        switch self {
        case .tokenMissing(let tokenFile):
            return "No API token is configured. \(Self.tokenHelp(tokenFile: tokenFile)) To try ylytic without one: "
                + "ylytic demo."
        case .tokenRejected(let status, let message):
            return "The API token was rejected (HTTP \(status)\(Self.quoted(message))). It may be wrong or expired; "
                + "set another with YLYTIC_TOKEN, --token-file PATH or your token file."
        case .requestNotFound(let id):
            return "The server knows no request with id \(id). Check the id (ylytic list shows the ones you submitted)."
        case .rejected(let status, let message):
            return "The server refused the request (HTTP \(status)\(Self.quoted(message)))."
        case .rateLimited(let retryAfter):
            let wait = retryAfter.map { " It asks to wait \(Int($0.rounded(.up))) s." } ?? ""
            return "The server is limiting requests (HTTP 429).\(wait) Try again later."
        case .serverUnavailable(let attempts, let problem):
            return "The server is unavailable after \(attempts) \(attempts == 1 ? "try" : "tries") (last: \(problem)). "
                + "Check the network and the base URL, or try again later."
        case .outcomeUnknown(let problem):
            return "The submission may or may not have reached the server (\(problem)); it was not sent again, "
                + "to avoid a second refresh. Check with ylytic list or submit again on purpose."
        case .responseUnreadable(let problem):
            return "\(problem.description.prefix(1).uppercased())\(problem.description.dropFirst())."
        case .malformedRequestID(let id):
            return "'\(id)' is not a request id: ids hold only letters, digits, '-' and '_'."
        }
    }

    private static func quoted(_ message: String?) -> String {
        guard let message, !message.isEmpty else { return "" }
        return ": \(message.prefix(200))"
    }
}
