/// Asks for the state of one request, once, without retrying: the monitor keeps
/// its own schedule of retries. Runs on the caller's executor until it waits,
/// so a poll begins at the moment the monitor decides to start it.
public protocol RefreshPoller: Sendable {
    nonisolated(nonsending) func poll(_ id: RequestID) async throws(RefreshClientError) -> FetchedRecord
}

extension RefreshClient: RefreshPoller {
    /// One GET without retries.
    nonisolated(nonsending) public func poll(_ id: RequestID) async throws(RefreshClientError) -> FetchedRecord {
        try await with(retry: .once).fetchWithBody(id)
    }
}
