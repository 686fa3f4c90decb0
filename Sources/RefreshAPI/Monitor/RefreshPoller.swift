/// Asks for the state of one request, once, without retrying: the monitor keeps
/// its own schedule of retries.
public protocol RefreshPoller: Sendable {
    func poll(_ id: RequestID) async throws(RefreshClientError) -> RefreshRecord
}

extension RefreshClient: RefreshPoller {
    /// One GET without retries.
    public func poll(_ id: RequestID) async throws(RefreshClientError) -> RefreshRecord {
        try await with(retry: .once).fetch(id)
    }
}
