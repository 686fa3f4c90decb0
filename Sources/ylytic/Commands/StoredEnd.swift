import Foundation
import Presentation
import RefreshAPI
import RefreshTracking

/// The end of a request as the store holds it, so that a command can answer without a token or the network.
struct StoredEnd {
    /// When the refresh ended, as far as the store knows, for a line that says the answer came from the store.
    struct When {
        let date: Date?

        func text(now: Date) -> String {
            guard let date else { return "From the store; --fetch asks the server." }
            return "From the store: refreshed \(Timestamp.text(date)) (\(Age.ago(date, now: now))); --fetch asks the server."
        }
    }

    let record: RefreshRecord
    let endedAt: When

    /// The end of request `id` when the store holds it as succeeded (with its response) or failed; nil when only
    /// the server can say (it is under way, its end is unknown, or its response was purged).
    static func read(_ id: RequestID, tracked: TrackedRequest?, in store: any TrackingStore) async throws(CommandFailure)
        -> StoredEnd?
    {
        if let tracked, tracked.state != .succeeded, tracked.state != .failed { return nil }
        let body: Data?
        do {
            body = try await store.responseBody(id)
        } catch {
            throw CommandFailure(message: "the store failed: \(error)", status: .invalidInput)
        }
        if let body {
            do {
                let record = try RefreshRecordDecoder.decode(body)
                return StoredEnd(record: record, endedAt: When(date: tracked?.finishedAt ?? record.status?.responseAt))
            } catch {
                throw CommandFailure(message: "the stored response of \(id): \(error.description)", status: .invalidInput)
            }
        }
        guard let tracked, tracked.state == .failed, let record = tracked.record else { return nil }
        return StoredEnd(record: record, endedAt: When(date: tracked.finishedAt))
    }
}
