/// What a store's ``TrackingStore/changeHints()`` says.
public enum StoreHint: Sendable, Equatable {
    /// The store may have changed: read ``TrackingStore/changes(since:)``.
    case changed
    /// The connection to a store on a server was lost; the words say why. Reads and writes wait for it or fail
    /// until ``connectionRestored``.
    case connectionLost(String)
    /// The connection is back: what changed meanwhile is read as after ``changed``.
    case connectionRestored
}
