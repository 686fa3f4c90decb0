/// A whole answer of the API about one request, POST or GET.
public struct RefreshRecord: Hashable, Sendable, Encodable {
    public var requestID: RequestID
    /// The request as the server echoes it.
    public var request: EchoedRequest?
    public var response: CreatorReport?
    public var status: RefreshStatus?

    public init(
        requestID: RequestID, request: EchoedRequest? = nil, response: CreatorReport? = nil,
        status: RefreshStatus? = nil
    ) {
        self.requestID = requestID
        self.request = request
        self.response = response
        self.status = status
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case requestID = "request_id"
        case request
        case response
        case status
    }

    /// Where the request stands.
    public var state: RefreshState { RefreshState(status: status) }

    /// The keys it is read from.
    private static let fields = JSONFields<CodingKeys>()

    /// Reads a whole answer; `request_id` is required (a number is taken as text).
    static func read(_ reader: inout JSONReader, parts: RefreshRecordDecoder.Parts) throws(ResponseUnreadable)
        -> RefreshRecord
    {
        var requestID: String?
        var record = RefreshRecord(requestID: "")
        try reader.readFields(of: fields) { reader, field throws(ResponseUnreadable) in
            switch field {
            case .requestID: requestID = try reader.requiredLenientString()
            case .request: record.request = try reader.optional(EchoedRequest.read)
            case .response:
                record.response = try reader.optional { reader throws(ResponseUnreadable) in
                    try CreatorReport.read(&reader, parts: parts)
                }
            case .status: record.status = try reader.optional(RefreshStatus.read)
            }
        }
        guard let requestID else { throw ResponseUnreadable(path: "request_id", reason: "the required field is missing") }
        record.requestID = RequestID(requestID)
        return record
    }
}

/// The `request` object the server echoes: its type and parameter, unvalidated.
public struct EchoedRequest: Hashable, Sendable, Encodable {
    public var requestType: String?
    /// Every other field, by name (`handle`, `channel_id`, …).
    public var parameters: [String: String]

    public init(requestType: String?, parameters: [String: String]) {
        self.requestType = requestType
        self.parameters = parameters
    }

    /// Echoes a target as the server would.
    public init(_ target: RefreshTarget) {
        requestType = target.type.rawValue
        parameters = [target.type.parameterName: target.value]
    }

    /// Reads the echo of a request: its type and each parameter as text; values that are not text, numbers or
    /// flags are left out rather than refused.
    static func read(_ reader: inout JSONReader) throws(ResponseUnreadable) -> EchoedRequest {
        var echo = EchoedRequest(requestType: nil, parameters: [:])
        try reader.readObject { reader, key throws(ResponseUnreadable) in
            guard let value = try reader.scalarText() else { return }
            if "request_type" ~= key { echo.requestType = value } else { echo.parameters[key.text] = value }
        }
        return echo
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(requestType, forKey: AnyCodingKey("request_type"))
        for (key, value) in parameters { try container.encode(value, forKey: AnyCodingKey(key)) }
    }

    /// The target the request was about, when the type is one the API documents and a parameter naming a target is
    /// present. The echoed type wins over the parameter's name (a `youtube_post` echoed with a `shortcode` is a
    /// YouTube video); only without a known type does the parameter's name say it. Not validated: shown as the
    /// server sent it.
    public var target: RefreshTarget? {
        let named = RequestType.allCases.compactMap { type in parameters[type.parameterName].map { (type, $0) } }
        if let requestType, let type = RequestType(rawValue: requestType) {
            guard let value = parameters[type.parameterName] ?? named.first?.1 else { return nil }
            return RefreshTarget(uncheckedType: type, value: value)
        }
        return named.first.map { RefreshTarget(uncheckedType: $0.0, value: $0.1) }
    }
}
