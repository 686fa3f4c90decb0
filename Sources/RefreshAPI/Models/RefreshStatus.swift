import Foundation

/// The `status` object of a response: the server's code and word for the request.
public struct RefreshStatus: Hashable, Sendable, Codable {
    public var code: Int?
    public var message: String?
    public var requestAt: Date?
    public var responseAt: Date?

    public init(code: Int? = nil, message: String? = nil, requestAt: Date? = nil, responseAt: Date? = nil) {
        self.code = code
        self.message = message
        self.requestAt = requestAt
        self.responseAt = responseAt
    }

    enum CodingKeys: String, CodingKey {
        case code
        case message
        case requestAt = "request_at"
        case responseAt = "response_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.lenientCount(.code)
        message = try container.lenientString(.message)
        requestAt = try container.lenientDate(.requestAt)
        responseAt = try container.lenientDate(.responseAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(requestAt.map(HTTPDate.format), forKey: .requestAt)
        try container.encodeIfPresent(responseAt.map(HTTPDate.format), forKey: .responseAt)
    }
}
