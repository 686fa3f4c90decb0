import PostgresNIO

/// Where one read or write of the ledger stands, for ``PostgresLedger``'s deadline: whoever ends it first (its
/// work, the deadline, a cancellation) takes the continuation, so that it is resumed once; and the connection is
/// only closed while the work still holds it, never once it has gone back to the pool.
struct AnsweredRun<Result: Sendable>: Sendable {
    private var continuation: CheckedContinuation<Result, any Error>?
    /// The connection the work holds, while it holds it.
    private var connection: PostgresConnection?
    private var isOver = false
    /// The work and the deadline, to cancel.
    var tasks: [Task<Void, Never>] = []

    /// Keeps the continuation of the caller; false when the run is over already (cancelled before it began).
    mutating func begin(_ continuation: CheckedContinuation<Result, any Error>) -> Bool {
        guard !isOver else { return false }
        self.continuation = continuation
        return true
    }

    /// Takes `connection` for the work; false when it is over already.
    mutating func lease(_ connection: PostgresConnection) -> Bool {
        guard !isOver else { return false }
        self.connection = connection
        return true
    }

    /// The work ended: the continuation to resume with its result, unless the run is over already.
    mutating func end() -> CheckedContinuation<Result, any Error>? {
        connection = nil
        guard !isOver else { return nil }
        isOver = true
        defer { continuation = nil }
        return continuation
    }

    /// The deadline or a cancellation ends the run: the continuation to resume, and the connection to close.
    mutating func giveUp() -> (CheckedContinuation<Result, any Error>?, PostgresConnection?) {
        guard !isOver else { return (nil, nil) }
        isOver = true
        defer {
            continuation = nil
            connection = nil
        }
        return (continuation, connection)
    }
}
