import Foundation
import PostgresLedger
import RefreshStore
import RefreshTestSupport
import RefreshTracking
import Testing

/// The two implementations of ``TrackingStore``, which the contract suite runs against alike.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }
}

/// Two connections to one new store, as two processes would have.
struct SharedStore {
    let mine: any TrackingStore
    let theirs: any TrackingStore
    private let removal: @Sendable () -> Void

    /// A new, empty store of `kind`: a file in a new folder, or a new database on the suite's server.
    static func make(_ kind: StoreKind) async throws -> SharedStore {
        switch kind {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-contract-\(UUID().uuidString)")
            let url = folder.appendingPathComponent("ylytic.sqlite")
            return SharedStore(
                mine: try RefreshStore(url: url), theirs: try RefreshStore(url: url),
                removal: { try? FileManager.default.removeItem(at: folder) })
        case .postgresql:
            let server = try #require(ThrowawayPostgres.server, "the suite has no PostgreSQL server")
            let address = try LedgerAddress(parsing: try await server.createDatabase(), environment: [:])
            return SharedStore(
                mine: try await PostgresLedger.open(address), theirs: try await PostgresLedger.open(address),
                removal: {})
        }
    }

    func cleanUp() {
        removal()
    }
}
