/// A whole answer of the API about one request, POST or GET.
public struct RefreshRecord: Hashable, Sendable, Codable {
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

    enum CodingKeys: String, CodingKey {
        case requestID = "request_id"
        case request
        case response
        case status
    }

    /// Where the request stands.
    public var state: RefreshState { RefreshState(status: status) }
}

/// The `request` object the server echoes: its type and parameter, unvalidated.
public struct EchoedRequest: Hashable, Sendable, Codable {
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

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var parameters: [String: String] = [:]
        var requestType: String?
        for key in container.allKeys {
            guard let value = try? container.decodeIfPresent(LenientString.self, forKey: key)?.value else { continue }
            if key.stringValue == "request_type" { requestType = value } else { parameters[key.stringValue] = value }
        }
        self.requestType = requestType
        self.parameters = parameters
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(requestType, forKey: AnyCodingKey("request_type"))
        for (key, value) in parameters { try container.encode(value, forKey: AnyCodingKey(key)) }
    }

    /// The target the request was about, when the type is one the API documents
    /// and its parameter is present. Not validated: shown as the server sent it.
    public var target: RefreshTarget? {
        if let requestType, let type = RequestType(rawValue: requestType), let value = parameters[type.parameterName] {
            return RefreshTarget(uncheckedType: type, value: value)
        }
        for (name, value) in parameters {
            if let type = RequestType(parameterName: name) { return RefreshTarget(uncheckedType: type, value: value) }
        }
        return nil
    }
}
