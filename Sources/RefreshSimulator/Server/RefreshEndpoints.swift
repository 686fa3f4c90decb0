import Foundation
import Hummingbird
import RefreshAPI

/// The API's two endpoints and the simulator's health check, with the documented
/// field names, status codes and messages.
///
/// Choices where the spec is silent: a POST answers HTTP 201; a GET answers HTTP 200
/// with `status.code` 201 and `pending` until the refresh is done, then 200 and
/// `success`; a failed refresh answers HTTP 200 with `status.code` 422, `response`
/// null and a message that starts with `failed:`. Errors answer `{"message": …}`
/// with 400, 401, 404, 429 or 5xx.
struct RefreshEndpoints: Sendable {
    let settings: SimulatorSettings
    let ledger = RequestLedger()
    let reports = ReportCache()
    let faults: FaultPlan
    let factory: CreatorFactory
    let hugeFactory: CreatorFactory

    init(settings: SimulatorSettings) {
        self.settings = settings
        faults = FaultPlan(settings: settings.faults)
        factory = CreatorFactory(anchor: settings.anchor, postCount: settings.postCount)
        hugeFactory = CreatorFactory(anchor: settings.anchor, postCount: 20_000)
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("healthz") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok\n"))) }
        let requests = router.group("ylytic/api/v1/data_refresh/requests")
        requests.post { request, context in try await create(request, context: context) }
        requests.get(":id") { request, context in try await fetch(request, context: context) }
    }

    private func create(_ request: Request, context: BasicRequestContext) async throws -> Response {
        var random = SystemRandomNumberGenerator()
        if let refusal = authorize(request) { return refusal }
        let body = try await request.body.collect(upTo: 65_536)
        let target: RefreshTarget
        switch Self.target(from: Data(buffer: body)) {
        case .success(let parsed): target = parsed
        case .failure(let refusal): return Self.json(.badRequest, APIJSONWriter.error(refusal.description))
        }
        try await pause(faults.delay(for: target, random: &random))
        if let fault = faults.postFault(random: &random) { return try answer(fault, id: nil) }
        let (id, entry) = ledger.add(target, at: Date(), processing: processingTime(for: target, random: &random))
        settings.log?("created \(id) for \(Self.printable(target.description))")
        let json = APIJSONWriter.envelope(
            id: id, target: target, response: nil, code: 201, message: "pending", requestAt: entry.requestedAt,
            responseAt: nil)
        return Self.json(.created, json)
    }

    private func fetch(_ request: Request, context: BasicRequestContext) async throws -> Response {
        var random = SystemRandomNumberGenerator()
        if let refusal = authorize(request) { return refusal }
        let id = context.parameters.get("id") ?? ""
        if let fault = faults.getFault(random: &random) { return try answer(fault, id: id) }
        guard let entry = ledger.recordGet(id) else {
            return Self.json(.notFound, APIJSONWriter.error("no data refresh request with id '\(id.prefix(64))'"))
        }
        try await pause(faults.delay(for: entry.target, random: &random))
        let now = Date()
        let isFinished = now >= entry.readyAt
        if let fault = faults.getFault(target: entry.target, attempt: entry.gets, isFinished: isFinished) {
            return try answer(fault, id: id)
        }
        guard isFinished else {
            return Self.json(
                .ok,
                APIJSONWriter.envelope(
                    id: id, target: entry.target, response: nil, code: 201, message: "pending",
                    requestAt: entry.requestedAt, responseAt: nil))
        }
        if let failure = FaultPlan.failure(for: entry.target) {
            return Self.json(
                .ok,
                APIJSONWriter.envelope(
                    id: id, target: entry.target, response: nil, code: 422, message: failure,
                    requestAt: entry.requestedAt, responseAt: entry.readyAt))
        }
        let report = settings.drifts ? driftingReport(entry) : reports.json(for: entry.target) {
            let factory = FaultPlan.has("huge_", entry.target) ? hugeFactory : self.factory
            return APIJSONWriter.report(factory.report(for: entry.target))
        }
        return Self.json(
            .ok,
            APIJSONWriter.envelope(
                id: id, target: entry.target, response: report, code: 200, message: "success",
                requestAt: entry.requestedAt, responseAt: entry.readyAt))
    }

    /// The report of a drifting simulator: as of the day the request was made, for the how-many-th refresh of its
    /// target it is.
    private func driftingReport(_ entry: RequestLedger.Entry) -> String {
        let day = CalendarDate(daysSinceEpoch: Int((entry.requestedAt.timeIntervalSince1970 / 86_400).rounded(.down)))
        let posts = FaultPlan.has("huge_", entry.target) ? 20_000 : settings.postCount
        let factory = CreatorFactory(anchor: day, postCount: posts, drifts: true)
        return APIJSONWriter.report(factory.report(for: entry.target, refresh: entry.refresh))
    }

    /// 401 unless the request carries one of the accepted bearer tokens.
    private func authorize(_ request: Request) -> Response? {
        let header = request.headers[.authorization] ?? ""
        guard header.hasPrefix("Bearer "), settings.tokens.contains(String(header.dropFirst(7))) else {
            return Self.json(.unauthorized, APIJSONWriter.error("invalid or missing bearer token"))
        }
        return nil
    }

    private func processingTime(for target: RefreshTarget, random: inout some RandomNumberGenerator) -> TimeInterval {
        let range = settings.processingTime
        if FaultPlan.has("long_", target) { return range.upperBound * 3 }
        return range.lowerBound == range.upperBound ? range.lowerBound : Double.random(in: range, using: &random)
    }

    private func pause(_ seconds: TimeInterval) async throws {
        if seconds > 0 { try await Task.sleep(for: .milliseconds(Int(seconds * 1000))) }
    }

    private func answer(_ fault: Fault, id: String?) throws -> Response {
        switch fault {
        case .rateLimited(let retryAfter):
            var response = Self.json(.tooManyRequests, APIJSONWriter.error("too many requests; slow down"))
            response.headers[.retryAfter] = String(retryAfter)
            return response
        case .serverError(let status):
            return Self.json(HTTPResponse.Status(code: status), APIJSONWriter.error("the service is having trouble"))
        case .malformed:
            return Self.json(.ok, "{\"request_id\":\"\(id ?? "")\",\"status\":{\"code\":200,\"message\":")
        case .truncated:
            let promised = 4096
            return Response(
                status: .ok, headers: [.contentType: "application/json", .contentLength: String(promised)],
                body: ResponseBody(contentLength: promised) { writer in
                    try await writer.write(ByteBuffer(string: "{\"request_id\":\"\(id ?? "")\",\"response\":{\"posts\""))
                    throw SimulatedConnectionCut()
                })
        case .dropped:
            return Response(status: .ok, body: ResponseBody { _ in throw SimulatedConnectionCut() })
        }
    }

    /// Text from a request, with anything that is not printable ASCII as `?`, for the log.
    private static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(200).map { $0.value >= 0x20 && $0.value < 0x7F ? $0 : "?" }))
    }

    static func json(_ status: HTTPResponse.Status, _ json: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// Reads a POST body, or says in a sentence what is wrong with it.
    static func target(from body: Data) -> Result<RefreshTarget, SimulatorRefusal> {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            return .failure(SimulatorRefusal("the body is not a JSON object"))
        }
        guard let typeName = object["request_type"] as? String else {
            return .failure(SimulatorRefusal("missing 'request_type'"))
        }
        guard let type = RequestType(rawValue: typeName) else {
            return .failure(
                SimulatorRefusal(
                    "unknown request_type '\(typeName)'; use one of "
                        + RequestType.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        if let extra = object.keys.sorted().first(where: { $0 != "request_type" && $0 != type.parameterName }) {
            return .failure(SimulatorRefusal("unexpected field '\(extra)' for request_type \(typeName)"))
        }
        guard let value = object[type.parameterName] as? String else {
            return .failure(SimulatorRefusal("missing '\(type.parameterName)' (a string) for request_type \(typeName)"))
        }
        do {
            return .success(try RefreshTarget(type: type, value: value))
        } catch {
            return .failure(SimulatorRefusal("invalid \(type.parameterName): \(error.message)"))
        }
    }
}

/// Why a POST body was refused.
struct SimulatorRefusal: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Thrown from a response body to close the connection mid-answer.
struct SimulatedConnectionCut: Error {}
