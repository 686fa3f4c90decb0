import Foundation

/// Talks to the Data Refresh API: submits refreshes and fetches their state,
/// retrying what is safe to retry.
public struct RefreshClient: Sendable {
    /// The tool's name and version, sent as `User-Agent`.
    public static let userAgent = "ylytic/\(YlyticVersion.current) (Swift)"

    public let baseURL: URL
    private let token: APIToken
    private let transport: any HTTPTransport
    private let retry: RetryPolicy
    private let time: any TimeSource
    private let random: any RandomSource

    /// A client for the API at `baseURL` (e.g. `https://dashboard.ylytic.com/ylytic/api/v1`).
    public init(
        baseURL: URL, token: APIToken, transport: any HTTPTransport = URLSessionTransport(),
        retry: RetryPolicy = .standard, time: any TimeSource = SystemTimeSource(),
        random: any RandomSource = SystemRandomSource()
    ) {
        self.baseURL = baseURL
        self.token = token
        self.transport = transport
        self.retry = retry
        self.time = time
        self.random = random
    }

    /// The same client with another retry policy.
    public func with(retry: RetryPolicy) -> RefreshClient {
        RefreshClient(baseURL: baseURL, token: token, transport: transport, retry: retry, time: time, random: random)
    }

    /// Submits a refresh. Retried only when the POST certainly never reached the
    /// server (not sent, or refused with 429); any other doubt is reported as
    /// ``RefreshClientError/outcomeUnknown(_:)``.
    public func submit(_ target: RefreshTarget) async throws(RefreshClientError) -> RefreshRecord {
        let body = try! JSONSerialization.data(withJSONObject: target.requestBody, options: [.sortedKeys])
        let request = makeRequest(method: "POST", url: requestsURL, body: body)
        let response = try await send(request, isIdempotent: false)
        return try interpret(response, requestID: nil)
    }

    /// Fetches the state of a request, retrying network errors and 429/500/502/503/504.
    public func fetch(_ id: RequestID) async throws(RefreshClientError) -> RefreshRecord {
        try await fetchWithBody(id).record
    }

    /// Fetches the state of a request, keeping the body exactly as the server sent it; `parts` says how much of
    /// it to build (the store needs no posts: it keeps the body).
    public func fetchWithBody(_ id: RequestID, parts: RefreshRecordDecoder.Parts = .whole) async throws(RefreshClientError)
        -> FetchedRecord
    {
        guard id.isWellFormed else { throw .malformedRequestID(id) }
        let request = makeRequest(method: "GET", url: requestsURL.appendingPathComponent(id.rawValue), body: nil)
        let response = try await send(request, isIdempotent: true)
        return FetchedRecord(record: try interpret(response, requestID: id, parts: parts), body: response.body)
    }

    private var requestsURL: URL {
        baseURL.appendingPathComponent("data_refresh").appendingPathComponent("requests")
    }

    private func makeRequest(method: String, url: URL, body: Data?) -> HTTPRequest {
        HTTPRequest(
            method: method, url: url,
            headers: [
                "Authorization": "Bearer \(token.secret)",
                "Content-Type": "application/json",
                "Accept": "application/json",
                "User-Agent": Self.userAgent,
            ],
            body: body)
    }

    /// Sends with retries. Returns the final HTTP response, which may still be an error status
    /// that is not worth retrying.
    private func send(_ request: HTTPRequest, isIdempotent: Bool) async throws(RefreshClientError) -> HTTPResponse {
        var attempt = 0
        while true {
            attempt += 1
            let wait: TimeInterval
            do {
                let response = try await transport.send(request)
                let retryable =
                    response.status == 429
                    ? retry.retriesRateLimits
                    : isIdempotent && RetryPolicy.retryableStatuses.contains(response.status)
                guard retryable else {
                    if !isIdempotent, response.status >= 500 {
                        throw RefreshClientError.outcomeUnknown(
                            "the server answered HTTP \(response.status)\(serverWords(response).map { ": \($0)" } ?? "")")
                    }
                    return response
                }
                let retryAfter = RetryAfter.delay(from: response.headers["retry-after"], now: time.now)
                let problem = "HTTP \(response.status)"
                guard attempt < retry.maxAttempts, (retryAfter ?? 0) <= retry.maxRetryAfter else {
                    if response.status == 429 { throw RefreshClientError.rateLimited(retryAfter: retryAfter) }
                    throw RefreshClientError.serverUnavailable(attempts: attempt, lastProblem: problem)
                }
                wait = retryAfter ?? retry.backoff(afterAttempt: attempt, random: random)
            } catch let error as TransportError {
                if case .responseTooLarge = error {
                    throw RefreshClientError.responseUnreadable(ResponseUnreadable(path: "", reason: error.reason))
                }
                if !isIdempotent, case .interrupted(let reason) = error {
                    throw RefreshClientError.outcomeUnknown(reason)
                }
                guard attempt < retry.maxAttempts else {
                    throw RefreshClientError.serverUnavailable(attempts: attempt, lastProblem: error.reason)
                }
                wait = retry.backoff(afterAttempt: attempt, random: random)
            } catch let error as RefreshClientError {
                throw error
            } catch {
                throw RefreshClientError.serverUnavailable(attempts: attempt, lastProblem: "\(error)")
            }
            do {
                try await time.sleep(until: time.now.addingTimeInterval(wait))
            } catch {
                throw RefreshClientError.serverUnavailable(attempts: attempt, lastProblem: "cancelled")
            }
        }
    }

    private func interpret(_ response: HTTPResponse, requestID: RequestID?, parts: RefreshRecordDecoder.Parts = .whole)
        throws(RefreshClientError) -> RefreshRecord
    {
        switch response.status {
        case 200..<300:
            do {
                return try RefreshRecordDecoder.decode(response.body, parts: parts)
            } catch {
                throw .responseUnreadable(error)
            }
        case 401, 403:
            throw .tokenRejected(status: response.status, serverMessage: serverWords(response))
        case 404 where requestID != nil:
            throw .requestNotFound(requestID!)
        case 429:
            throw .rateLimited(retryAfter: RetryAfter.delay(from: response.headers["retry-after"], now: time.now))
        case 500...:
            throw .serverUnavailable(attempts: 1, lastProblem: "HTTP \(response.status)")
        default:
            throw .rejected(status: response.status, serverMessage: serverWords(response))
        }
    }

    /// The server's own explanation in an error body: a JSON `message`, `error` or
    /// `status.message`, else the start of a plain-text body.
    private func serverWords(_ response: HTTPResponse) -> String? {
        guard !response.body.isEmpty else { return nil }
        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            for key in ["message", "error", "detail", "msg"] {
                if let text = object[key] as? String { return text }
            }
            if let status = object["status"] as? [String: Any], let text = status["message"] as? String { return text }
            return nil
        }
        let text = String(decoding: response.body.prefix(200), as: UTF8.self).trimmingWhitespace()
        return text.isEmpty || text.hasPrefix("<") ? nil : text
    }
}
