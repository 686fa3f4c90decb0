import Foundation
import PostgresNIO
import RefreshAPI
import RefreshTracking

extension PostgresLedger {
    public func requests(in state: TrackedState? = nil, limit: Int? = nil) async throws -> [TrackedRequest] {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request
                WHERE \(state?.rawValue)::text IS NULL OR state = \(state?.rawValue)
                ORDER BY submitted_at DESC, id DESC LIMIT \(limit.map { max(0, $0) })
                """, logger: logger
            ).collect().map(TrackedRequest.init(ledgerRow:))
        }
    }

    public func requestCount(in state: TrackedState?) async throws -> Int {
        try await read { connection, logger in
            try await connection.query(
                """
                SELECT count(*) FROM ylytic.request WHERE \(state?.rawValue)::text IS NULL OR state = \(state?.rawValue)
                """, logger: logger
            ).collect().first?.decode(Int.self) ?? 0
        }
    }

    public func request(localID: Int64) async throws -> TrackedRequest? {
        try await read { connection, logger in
            try await connection.query(
                "SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request WHERE id = \(localID)",
                logger: logger
            ).collect().first.map(TrackedRequest.init(ledgerRow:))
        }
    }

    public func request(_ id: RequestID) async throws -> TrackedRequest? {
        try await read { connection, logger in
            try await connection.query(
                "SELECT \(unescaped: TrackedRequest.ledgerColumns) FROM ylytic.request WHERE request_id = \(id.rawValue)",
                logger: logger
            ).collect().first.map(TrackedRequest.init(ledgerRow:))
        }
    }

    public func responseBody(_ id: RequestID) async throws -> Data? {
        try await read { connection, logger in
            try await connection.query(
                "SELECT body FROM ylytic.response WHERE request_id = \(id.rawValue)", logger: logger
            ).collect().first?.decode(Data.self)
        }
    }
}
