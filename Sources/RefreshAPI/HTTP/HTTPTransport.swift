import Foundation

/// One HTTP request as the client core builds it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    /// Header fields. Never logged: `Authorization` holds the token.
    public var headers: [String: String]
    public var body: Data?

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// One HTTP response, with header names lower-cased.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// How a request failed below HTTP. The distinction matters for POSTs: one that
/// was never sent may be sent again; one that may have arrived must not be.
public enum TransportError: Error, Hashable, Sendable {
    /// The request certainly never reached the server (no route, refused, name not found).
    case notSent(String)
    /// The request may have reached the server (timed out, connection dropped mid-way).
    case interrupted(String)
    /// The response body was larger than the client accepts.
    case responseTooLarge(limit: Int)

    /// What happened, without any header or token.
    public var reason: String {
        switch self {
        case .notSent(let reason), .interrupted(let reason): reason
        case .responseTooLarge(let limit): "the response was larger than \(limit / 1_048_576) MB"
        }
    }
}

/// Sends HTTP requests. ``URLSessionTransport`` is the real one; tests inject fakes.
/// Implementations throw only ``TransportError``.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}
