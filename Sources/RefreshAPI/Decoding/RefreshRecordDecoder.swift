import Foundation

/// Reads response bodies into ``RefreshRecord``s, tolerating the API's quirks and
/// explaining where and why a body could not be read.
public enum RefreshRecordDecoder {
    /// Decodes a body. Throws ``ResponseUnreadable`` naming the JSON path and the reason.
    public static func decode(_ body: Data) throws(ResponseUnreadable) -> RefreshRecord {
        do {
            return try JSONDecoder().decode(RefreshRecord.self, from: body)
        } catch let error as DecodingError {
            throw ResponseUnreadable(error, bodySize: body.count)
        } catch {
            throw ResponseUnreadable(path: "", reason: String(describing: error))
        }
    }
}

/// A body that is not a readable API response, with the place and the reason.
public struct ResponseUnreadable: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the JSON the problem is, e.g. `response.posts.video_posts[3].likes_count`; empty for the whole body.
    public let path: String
    /// Why it could not be read.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(_ error: DecodingError, bodySize: Int) {
        func pathText(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce(into: "") { text, key in
                if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
        }
        switch error {
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { ": \(String(describing: $0))" } ?? ""
            let reason =
                context.codingPath.isEmpty
                ? (bodySize == 0 ? "the body is empty" : "the body is not valid JSON\(underlying)")
                : context.debugDescription
            self.init(path: pathText(context.codingPath), reason: reason)
        case .keyNotFound(let key, let context):
            self.init(path: pathText(context.codingPath + [key]), reason: "the required field is missing")
        case .typeMismatch(let type, let context):
            self.init(
                path: pathText(context.codingPath), reason: "expected \(Self.describe(type)); \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            self.init(path: pathText(context.codingPath), reason: "expected \(Self.describe(type)), found null")
        @unknown default:
            self.init(path: "", reason: String(describing: error))
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).contains("Dictionary") || String(describing: type).contains("Keyed")
                ? "an object" : (String(describing: type).contains("Array") || String(describing: type).contains("Unkeyed")
                    ? "a list" : String(describing: type))
        }
    }

    public var description: String {
        path.isEmpty ? "the response could not be read: \(reason)" : "the response could not be read at \(path): \(reason)"
    }
}
