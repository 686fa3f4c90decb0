import Foundation
import Testing
@testable import RefreshAPI
import RefreshTestSupport

@Suite("HTTP client: headers, statuses, retries")
struct RefreshClientTests {
    let time = FastForwardTimeSource()

    func client(_ transport: FakeTransport, retry: RetryPolicy = .standard) -> RefreshClient {
        RefreshClient(
            baseURL: Samples.baseURL, token: Samples.token, transport: transport, retry: retry, time: time,
            random: FixedRandomSource(0.5))
    }

    @Test func postSendsBodyHeadersAndNoTokenElsewhere() async throws {
        let transport = FakeTransport([HTTPResponse.json(201, Samples.pendingBody)])
        let record = try await client(transport).submit(RefreshTarget(type: .instagram, value: "thetatvaindia"))
        #expect(record.state == .pending)
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "http://127.0.0.1:9/ylytic/api/v1/data_refresh/requests")
        #expect(request.headers["Authorization"] == "Bearer s3cr3t-token-value")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["User-Agent"]?.hasPrefix("ylytic/") == true)
        let body = try JSONSerialization.jsonObject(with: try #require(request.body)) as? [String: String]
        #expect(body == ["request_type": "instagram", "handle": "thetatvaindia"])
    }

    @Test func getAsksForTheRequestByID() async throws {
        let transport = FakeTransport([HTTPResponse.json(200, Samples.pendingBody)])
        _ = try await client(transport).fetch("65b87c8576c9b42b3a285805")
        #expect(transport.requests.first?.method == "GET")
        #expect(
            transport.requests.first?.url.absoluteString
                == "http://127.0.0.1:9/ylytic/api/v1/data_refresh/requests/65b87c8576c9b42b3a285805")
    }

    @Test func malformedIDIsRefusedBeforeSending() async {
        let transport = FakeTransport([])
        await #expect(throws: RefreshClientError.malformedRequestID("../admin")) {
            try await client(transport).fetch("../admin")
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func getRetriesRetryableStatusesWithFullJitterBackoff() async throws {
        let transport = FakeTransport([
            HTTPResponse.json(500, "{}"), HTTPResponse.json(502, "{}"), HTTPResponse.json(503, "{}"),
            HTTPResponse.json(200, Samples.pendingBody),
        ])
        let record = try await client(transport).fetch("abc")
        #expect(record.state == .pending)
        let waits = time.waits
        // Full jitter with random 0.5: half of 0.5, 1 and 2 s.
        #expect(waits == [0.25, 0.5, 1.0])
        #expect(transport.requests.count == 4)
    }

    @Test func backoffIsCappedAndUsesTheWholeRange() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.5, maxDelay: 8)
        #expect(policy.backoff(afterAttempt: 1, random: FixedRandomSource(0.999)) < 0.5)
        #expect(policy.backoff(afterAttempt: 8, random: FixedRandomSource(0.5)) == 4)
        #expect(policy.backoff(afterAttempt: 3, random: FixedRandomSource(0)) == 0)
    }

    @Test func getGivesUpAfterBoundedAttempts() async {
        let transport = FakeTransport([], fallback: .failure(.interrupted("the connection was lost")))
        await #expect(throws: RefreshClientError.serverUnavailable(attempts: 3, lastProblem: "the connection was lost")) {
            try await client(transport, retry: RetryPolicy(maxAttempts: 3)).fetch("abc")
        }
        #expect(time.waits.count == 2)
        #expect(transport.requests.count == 3)
    }

    @Test func retryAfterInSecondsIsHonoured() async throws {
        let transport = FakeTransport([
            HTTPResponse.json(429, "{}", headers: ["Retry-After": "7"]), HTTPResponse.json(200, Samples.pendingBody),
        ])
        _ = try await client(transport).fetch("abc")
        #expect(time.waits == [7])
    }

    @Test func retryAfterAsHTTPDateIsHonoured() async throws {
        let retryAt = HTTPDate.format(time.now.addingTimeInterval(12))
        let transport = FakeTransport([
            HTTPResponse.json(503, "{}", headers: ["retry-after": retryAt]), HTTPResponse.json(200, Samples.pendingBody),
        ])
        _ = try await client(transport).fetch("abc")
        #expect(time.waits == [12])
    }

    @Test func retryAfterLongerThanTheLimitEndsRetries() async {
        let transport = FakeTransport([HTTPResponse.json(429, "{}", headers: ["Retry-After": "3600"])])
        await #expect(throws: RefreshClientError.rateLimited(retryAfter: 3600)) {
            try await client(transport).fetch("abc")
        }
        #expect(transport.requests.count == 1)
    }

    @Test func postIsRetriedWhenItWasCertainlyNotSent() async throws {
        let transport = FakeTransport([
            .failure(.notSent("connection refused")), HTTPResponse.json(201, Samples.pendingBody),
        ])
        let record = try await client(transport).submit(RefreshTarget(type: .instagram, value: "x"))
        #expect(record.state == .pending)
        #expect(time.waits == [0.25])
        #expect(transport.requests.count == 2)
    }

    @Test(arguments: [
        (FakeTransport.Answer.failure(.interrupted("timed out")), "timed out"),
        (HTTPResponse.json(502, #"{"message":"upstream down"}"#), "the server answered HTTP 502: upstream down"),
        (HTTPResponse.json(500, ""), "the server answered HTTP 500"),
    ])
    func ambiguousPostIsReportedNotRepeated(answer: FakeTransport.Answer, problem: String) async throws {
        let transport = FakeTransport([answer], fallback: HTTPResponse.json(201, Samples.pendingBody))
        await #expect(throws: RefreshClientError.outcomeUnknown(problem)) {
            try await client(transport).submit(RefreshTarget(type: .instagram, value: "x"))
        }
        #expect(transport.requests.count == 1)
    }

    @Test func statusesBecomeErrorsThatSayWhatToDo() async throws {
        let cases: [(FakeTransport.Answer, RefreshClientError)] = [
            (HTTPResponse.json(401, #"{"message":"token expired"}"#), .tokenRejected(status: 401, serverMessage: "token expired")),
            (HTTPResponse.json(403, "Forbidden"), .tokenRejected(status: 403, serverMessage: "Forbidden")),
            (HTTPResponse.json(404, "{}"), .requestNotFound("abc")),
            (HTTPResponse.json(400, #"{"error":"unknown request_type"}"#), .rejected(status: 400, serverMessage: "unknown request_type")),
            (HTTPResponse.json(200, "<html>"), .responseUnreadable(ResponseUnreadable(path: "", reason: ""))),
            (.failure(.responseTooLarge(limit: 1_048_576)), .responseUnreadable(ResponseUnreadable(path: "", reason: "the response was larger than 1 MB"))),
        ]
        for (answer, expected) in cases {
            let transport = FakeTransport([answer])
            do {
                _ = try await client(transport, retry: .once).fetch("abc")
                Issue.record("expected \(expected)")
            } catch {
                if case .responseUnreadable(let problem) = expected, problem.reason.isEmpty {
                    guard case .responseUnreadable = error else { Issue.record("got \(error)"); continue }
                } else {
                    #expect(error == expected)
                }
            }
        }
        #expect(RefreshClientError.tokenRejected(status: 401, serverMessage: nil).description.contains("YLYTIC_TOKEN"))
        #expect(RefreshClientError.requestNotFound("abc").description.contains("no request with id abc"))
        #expect(RefreshClientError.serverUnavailable(attempts: 4, lastProblem: "HTTP 503").description
            .contains("unavailable after 4 tries (last: HTTP 503)"))
    }

    @Test func tokenNeverAppearsInErrorsOrDescriptions() async throws {
        let secret = Samples.token.secret
        let transport = FakeTransport([HTTPResponse.json(401, "{}")])
        do {
            _ = try await client(transport).fetch("abc")
        } catch {
            #expect(!"\(error)".contains(secret))
            #expect(!String(reflecting: error).contains(secret))
        }
        #expect("\(Samples.token)" == "<redacted>")
        #expect(!String(reflecting: Samples.token).contains(secret))
        var dumped = ""
        dump(Samples.token, to: &dumped)
        #expect(!dumped.contains(secret))
    }
}
