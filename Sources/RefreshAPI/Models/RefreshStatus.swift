import Foundation

/// The `status` object of a response: the server's code and word for the request.
public struct RefreshStatus: Hashable, Sendable, Encodable {
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code
        case message
        case requestAt = "request_at"
        case responseAt = "response_at"
    }

    /// The keys it is read from.
    private static let fields = JSONFields<CodingKeys>()

    /// Reads the `status` object of a response.
    static func read(_ reader: inout JSONReader) throws(ResponseUnreadable) -> RefreshStatus {
        var status = RefreshStatus()
        try reader.readFields(of: fields) { reader, field throws(ResponseUnreadable) in
            switch field {
            case .code: status.code = try reader.lenientCount()
            case .message: status.message = try reader.lenientString()
            case .requestAt: status.requestAt = try reader.lenientDate()
            case .responseAt: status.responseAt = try reader.lenientDate()
            }
        }
        return status
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(message, forKey: .message)
        // Dates as the encoder writes them (the command line's JSON: RFC 3339).
        try container.encodeIfPresent(requestAt, forKey: .requestAt)
        try container.encodeIfPresent(responseAt, forKey: .responseAt)
    }
}
