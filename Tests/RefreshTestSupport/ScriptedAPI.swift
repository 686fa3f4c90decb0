import Foundation
import RefreshAPI
import Synchronization

/// An API in memory: a POST creates a request (ids r1, r2, …) that stays pending until the test ends it; every
/// request sent is also published on ``sent``, so a test can wait for a poll instead of sleeping.
public final class ScriptedAPI: HTTPTransport, Sendable {
    /// How a GET of a request is answered.
    public enum Outcome: Sendable {
        case pending
        /// The spec's GET sample, for this id.
        case succeeded
        case failed(String)
        /// The transport fails (a network error) on every GET.
        case unreachable
        /// HTTP 404: the server knows no such request.
        case notFound
    }

    private struct State {
        var created = 0
        var outcomes: [String: Outcome] = [:]
        var targets: [String: String] = [:]
        var gets: [String: Int] = [:]
    }

    private let state = Mutex(State())
    private let (stream, continuation) = AsyncStream.makeStream(of: HTTPRequest.self)
    private let beforeAnswering: (@Sendable (HTTPRequest) async -> Void)?

    /// An API whose requests all stay pending until told otherwise; `beforeAnswering` runs as each request
    /// arrives, before it is answered (to look at what the client wrote first).
    public init(beforeAnswering: (@Sendable (HTTPRequest) async -> Void)? = nil) {
        self.beforeAnswering = beforeAnswering
    }

    /// Every request, in the order sent.
    public var sent: AsyncStream<HTTPRequest> { stream }

    /// How many GETs asked for `id`.
    public func gets(of id: String) -> Int { state.withLock { $0.gets[id, default: 0] } }

    /// Makes GETs of `id` answer `outcome` from now on.
    public func answer(_ id: String, _ outcome: Outcome) {
        state.withLock { $0.outcomes[id] = outcome }
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        await beforeAnswering?(request)
        defer { continuation.yield(request) }
        if request.method == "POST" {
            let body = (try? JSONSerialization.jsonObject(with: request.body ?? Data())) as? [String: String] ?? [:]
            let echo = String(decoding: try! JSONSerialization.data(withJSONObject: body, options: .sortedKeys), as: UTF8.self)
            let id = state.withLock { state -> String in
                state.created += 1
                let id = "r\(state.created)"
                state.targets[id] = echo
                return id
            }
            return HTTPResponse(status: 201, body: Data(Self.record(id, echo: echo, code: 201, message: "pending").utf8))
        }
        let id = request.url.lastPathComponent
        let (outcome, echo) = state.withLock { state -> (Outcome?, String) in
            state.gets[id, default: 0] += 1
            return (state.outcomes[id], state.targets[id] ?? #"{"handle":"x","request_type":"instagram"}"#)
        }
        switch outcome ?? .pending {
        case .pending:
            return HTTPResponse(status: 200, body: Data(Self.record(id, echo: echo, code: 201, message: "pending").utf8))
        case .failed(let message):
            return HTTPResponse(status: 200, body: Data(Self.record(id, echo: echo, code: 422, message: message).utf8))
        case .succeeded:
            let sample = String(decoding: try! Samples.fixture("spec-get-response"), as: UTF8.self)
                .replacingOccurrences(of: "request_identifier", with: id)
            return HTTPResponse(status: 200, body: Data(sample.utf8))
        case .unreachable:
            throw .notSent("connection refused")
        case .notFound:
            return HTTPResponse(status: 404, body: Data(#"{"message":"not found"}"#.utf8))
        }
    }

    private static func record(_ id: String, echo: String, code: Int, message: String) -> String {
        """
        {"request_id":"\(id)","request":\(echo),"response":null,
         "status":{"code":\(code),"message":"\(message)","request_at":"Tue, 30 Jan 2024 04:35:17 GMT","response_at":null}}
        """
    }
}
