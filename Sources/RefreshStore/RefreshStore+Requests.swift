import Foundation
import GRDB
import RefreshAPI
import RefreshTracking

extension RefreshStore {
    public func requests(in state: TrackedState? = nil, limit: Int? = nil) async throws -> [TrackedRequest] {
        try await database.read { db in
            var request = RequestRecord.order(Column("submitted_at").desc, Column("id").desc)
            if let state { request = request.filter(Column("state") == state.rawValue) }
            if let limit { request = request.limit(max(0, limit)) }
            return try request.fetchAll(db).map(\.request)
        }
    }

    public func requestCount(in state: TrackedState?) async throws -> Int {
        try await database.read { db in
            try RequestRecord.filter(state.map { Column("state") == $0.rawValue } ?? true.sqlExpression).fetchCount(db)
        }
    }

    public func request(localID: Int64) async throws -> TrackedRequest? {
        try await database.read { db in try RequestRecord.fetchOne(db, key: localID)?.request }
    }

    public func request(_ id: RequestID) async throws -> TrackedRequest? {
        try await database.read { db in try RequestRecord.fetchOne(db, key: ["request_id": id.rawValue])?.request }
    }

    public func responseBody(_ id: RequestID) async throws -> Data? {
        try await database.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM response WHERE request_id = ?", arguments: [id.rawValue])
        }
    }
}
