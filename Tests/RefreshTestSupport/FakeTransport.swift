import Foundation
import Synchronization
import RefreshAPI

/// A transport that answers from a script and records what it was sent.
public final class FakeTransport: HTTPTransport, Sendable {
    public typealias Answer = Result<HTTPResponse, TransportError>

    private let script: Mutex<[Answer]>
    private let scriptsByID: Mutex<[String: [Answer]]>
    private let sent = Mutex<[HTTPRequest]>([])
    private let fallback: Answer?

    /// Answers `answers` in turn; after them, `fallback` (or a failure of the test).
    public init(_ answers: [Answer], fallback: Answer? = nil) {
        script = Mutex(answers)
        scriptsByID = Mutex([:])
        self.fallback = fallback
    }

    /// Answers a GET from the script of the request id it names, whatever the order of the calls; anything else
    /// (a POST) from `answers` in turn.
    public init(_ answers: [Answer] = [], byRequestID scripts: [String: [Answer]], fallback: Answer? = nil) {
        script = Mutex(answers)
        scriptsByID = Mutex(scripts)
        self.fallback = fallback
    }

    public var requests: [HTTPRequest] { sent.withLock { $0 } }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        sent.withLock { $0.append(request) }
        let id = request.url.lastPathComponent
        let answer =
            scriptsByID.withLock { scripts -> Answer? in
                guard var answers = scripts[id], !answers.isEmpty else { return nil }
                defer { scripts[id] = answers }
                return answers.removeFirst()
            } ?? script.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let answer = answer ?? fallback else {
            return HTTPResponse(status: 599, body: Data("script exhausted".utf8))
        }
        return try answer.get()
    }
}

extension HTTPResponse {
    /// A scripted answer with a text body.
    public static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> FakeTransport.Answer {
        .success(HTTPResponse(status: status, headers: headers, body: Data(text.utf8)))
    }
}

public enum Samples {
    /// A file of `Tests/Fixtures`, e.g. the spec's GET sample.
    public static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtureURL(name))
    }

    public static func fixtureURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name).json")
    }

    public static let pendingBody = """
        {"request_id":"65b87c8576c9b42b3a285805","request":{"request_type":"instagram","handle":"thetatvaindia"},
         "response":null,"status":{"code":201,"message":"pending","request_at":"Tue, 30 Jan 2024 04:35:17 GMT","response_at":null}}
        """

    public static func body(id: String, message: String, code: Int = 200) -> String {
        """
        {"request_id":"\(id)","request":{"request_type":"instagram","handle":"x"},"response":null,
         "status":{"code":\(code),"message":"\(message)","request_at":"Tue, 30 Jan 2024 04:35:17 GMT","response_at":null}}
        """
    }

    public static let token = APIToken("s3cr3t-token-value")!
    public static let baseURL = URL(string: "http://127.0.0.1:9/ylytic/api/v1")!
}
