import Foundation
import RefreshAPI
import RefreshSimulator
import RefreshTestSupport

/// Runs `body` against a simulator started for it on a free loopback port.
@discardableResult
func withSimulator<T>(
    processing: ClosedRange<TimeInterval> = 0...0, faults: FaultSettings = FaultSettings(), postCount: Int? = nil,
    drifts: Bool = false, _ body: (RunningSimulator) async throws -> T
) async throws -> T {
    var settings = SimulatorSettings()
    settings.processingTime = processing
    settings.drifts = drifts
    settings.faults = faults
    settings.postCount = postCount
    settings.tokens = ["test-token"]
    settings.anchor = CalendarDate(year: 2026, month: 11, day: 1)!
    let simulator = try await Simulator.start(settings)
    do {
        let result = try await body(simulator)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

extension RunningSimulator {
    /// A client of this simulator whose retry waits pass at once.
    func client(token: String = "test-token", transport: URLSessionTransport = URLSessionTransport()) -> RefreshClient {
        RefreshClient(baseURL: baseURL, token: APIToken(token)!, transport: transport, time: FastForwardTimeSource())
    }

    /// Submits `target` and fetches it once (the simulator's processing time is zero in most tests).
    func refresh(_ target: RefreshTarget) async throws -> RefreshRecord {
        let client = client()
        let submitted = try await client.submit(target)
        return try await client.fetch(submitted.requestID)
    }
}

/// Sends a raw request, for the cases the client would refuse to send.
func rawRequest(_ url: URL, method: String = "GET", token: String? = "test-token", body: String? = nil)
    async throws -> (status: Int, body: String)
{
    var request = HTTPRequest(method: method, url: url, body: body.map { Data($0.utf8) })
    if let token { request.headers["Authorization"] = "Bearer \(token)" }
    let response = try await URLSessionTransport().send(request)
    return (response.status, String(decoding: response.body, as: UTF8.self))
}

enum Targets {
    static let samples: [RefreshTarget] = [
        try! RefreshTarget(type: .instagram, value: "thetatvaindia"),
        try! RefreshTarget(type: .instagramID, value: "2121125346"),
        try! RefreshTarget(type: .instagramPost, value: "DHGIoX0y3f3"),
        try! RefreshTarget(type: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q"),
        try! RefreshTarget(type: .youtubePost, value: "iwIeyWv2ABI"),
    ]

    static func instagram(_ handle: String) -> RefreshTarget {
        try! RefreshTarget(type: .instagram, value: handle)
    }
}
