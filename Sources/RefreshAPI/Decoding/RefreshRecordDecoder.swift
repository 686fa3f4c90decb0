import Foundation

/// Reads response bodies into ``RefreshRecord``s, tolerating the API's quirks and
/// explaining where and why a body could not be read.
public enum RefreshRecordDecoder {
    /// How much of a body to build.
    public enum Parts: Sendable {
        /// Everything.
        case whole
        /// Everything but the posts, which are only checked to be JSON: for recording an answer, where the
        /// thousands of posts a creator may have would be built only to be dropped.
        case withoutPosts
        /// Everything but the posts' text (captions, hashtags, links, image addresses), which is checked as
        /// ``whole`` checks it but left empty: for figures worked out from the posts (a comparison) and for the
        /// first frame of a large creator page, where making twenty thousand captions took about a third of the
        /// time. The same bodies are refused, with the same errors, as with ``whole``.
        case postFigures
    }

    /// Decodes a body in one pass over its bytes. Throws ``ResponseUnreadable`` naming the JSON path, the reason
    /// and the byte offset.
    public static func decode(_ body: Data, parts: Parts = .whole) throws(ResponseUnreadable) -> RefreshRecord {
        guard !body.isEmpty else { throw ResponseUnreadable(path: "", reason: "the body is empty") }
        let result = body.withUnsafeBytes { bytes -> Result<RefreshRecord, ResponseUnreadable> in
            var reader = JSONReader(bytes)
            do throws(ResponseUnreadable) {
                let record = try RefreshRecord.read(&reader, parts: parts)
                try reader.expectEnd()
                return .success(record)
            } catch {
                // The reader's errors carry their offset; the keys and indices leading there are found once, here.
                guard error.path.isEmpty, let offset = error.offset else { return .failure(error) }
                return .failure(
                    ResponseUnreadable(path: JSONReader.path(to: offset, in: bytes), reason: error.reason, offset: offset))
            }
        }
        return try result.get()
    }
}

/// A body that is not a readable API response, with the place and the reason.
public struct ResponseUnreadable: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the JSON the problem is, e.g. `response.posts.video_posts[3].likes_count`; empty for the whole body.
    public let path: String
    /// Why it could not be read.
    public let reason: String
    /// Where in the body, in bytes from its start, when known.
    public let offset: Int?

    public init(path: String, reason: String, offset: Int? = nil) {
        self.path = path
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        let place = offset.map { " (byte \($0))" } ?? ""
        return path.isEmpty
            ? "the response could not be read: \(reason)\(place)" : "the response could not be read at \(path): \(reason)\(place)"
    }
}
