/// Asks for the state of one request: one poll of the monitor, which keeps its own schedule between polls.
/// Runs on the caller's executor until it waits, so a poll begins at the moment the monitor decides to start it.
public protocol RefreshPoller: Sendable {
    nonisolated(nonsending) func poll(_ id: RequestID) async throws(RefreshClientError) -> FetchedRecord
}

extension RefreshClient: RefreshPoller {
    /// One GET, with the client's retries of network errors and 5xx; a 429 is handed back at once. The posts
    /// of an answer are not built: what follows a request records it, and the store keeps the body.
    nonisolated(nonsending) public func poll(_ id: RequestID) async throws(RefreshClientError) -> FetchedRecord {
        try await with(retry: .polling).fetchWithBody(id, parts: .withoutPosts)
    }
}
