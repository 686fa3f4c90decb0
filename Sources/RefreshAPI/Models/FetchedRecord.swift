import Foundation

/// A decoded answer (without its posts, when the fetch asked so) together with the body it was read from, so
/// that nothing the server sent is lost when a later version can read more of it.
public struct FetchedRecord: Hashable, Sendable {
    public let record: RefreshRecord
    /// The body exactly as received.
    public let body: Data

    public init(record: RefreshRecord, body: Data) {
        self.record = record
        self.body = body
    }
}
