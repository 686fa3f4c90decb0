import Foundation
import RefreshAPI
import RefreshTestSupport
@testable import RefreshStore
import RefreshTracking
import Testing

@Suite("The local store")
struct RefreshStoreTests {
    @Test func createsAPrivateFileInAPrivateFolderAndMigrates() async throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        let store = try temporary.open()
        #expect(try store.schemaVersions() == ["v1", "v2", "v3", "v4", "v5", "v6"])
        let fileMode = try FileManager.default.attributesOfItem(atPath: temporary.url.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(
            atPath: temporary.url.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        #expect(try store.integrityCheck() == "ok")
        // Reopening an up-to-date store changes nothing.
        #expect(try temporary.open().schemaVersions() == ["v1", "v2", "v3", "v4", "v5", "v6"])
    }
}

@Suite("Stores that cannot be used")
struct UnusableStoreTests {
    private func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test func aFileThatIsNotAStoreIsRefusedAndLeftUntouched() async throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        try FileManager.default.createDirectory(at: temporary.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: temporary.url)
        #expect {
            try temporary.open()
        } throws: { error in
            "\(error)".contains("is not a readable ylytic store") && "\(error)".contains("left untouched")
        }
        #expect(try bytes(temporary.url) == garbage)
    }

    @Test func aDamagedStoreIsRefusedAndLeftUntouched() async throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        do {
            let store = try temporary.open()
            try await store.recordSubmittedAndFinished(StoreSamples.record("a", message: "success", followers: 5), body: Data("{}".utf8), at: StoreSamples.date)
        }
        var data = try bytes(temporary.url)
        guard data.count > 200 else { return }
        for index in 100..<min(data.count, 4000) { data[index] = 0xFF }
        try data.write(to: temporary.url)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.url.path + suffix) }
        #expect(throws: StoreError.self) { try temporary.open() }
        #expect(try bytes(temporary.url) == data)
    }

    @Test func aStoreFromANewerVersionIsRefusedAndLeftUntouched() async throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        _ = try temporary.open()
        try StoreSchemaFuture.addMigration("v99", to: temporary.url)
        let before = try bytes(temporary.url)
        #expect {
            try temporary.open()
        } throws: { error in
            "\(error)".contains("newer ylytic (schema v99)")
        }
        #expect(try bytes(temporary.url) == before)
    }

    @Test func aFolderInPlaceOfTheFileIsRefused() async throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        try FileManager.default.createDirectory(at: temporary.url, withIntermediateDirectories: true)
        #expect {
            try temporary.open()
        } throws: { error in
            "\(error)".contains("it is a folder")
        }
    }
}

import GRDB

/// Pretends a newer ylytic migrated the file.
enum StoreSchemaFuture {
    static func addMigration(_ identifier: String, to url: URL) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
        }
        try queue.close()
    }
}

@Suite("Where the store lives and how it is migrated")
struct StoreLocationTests {
    @Test func defaultIsUnderXDGStateHomeElseLocalState() {
        #expect(StoreLocation.resolve(flag: nil, environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]).path
            == "/x/state/ylytic/ylytic.sqlite")
        #expect(StoreLocation.resolve(flag: nil, environment: ["HOME": "/h"]).path == "/h/.local/state/ylytic/ylytic.sqlite")
        #expect(StoreLocation.resolve(flag: nil, environment: ["YLYTIC_STORE": "/e.sqlite", "HOME": "/h"]).path == "/e.sqlite")
        #expect(StoreLocation.resolve(flag: "/f.sqlite", environment: ["YLYTIC_STORE": "/e.sqlite"]).path == "/f.sqlite")
        #expect(StoreLocation.resolve(flag: nil, environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path
            == "/h/.local/state/ylytic/ylytic.sqlite", "a relative XDG_STATE_HOME is ignored, as the spec says")
    }

    @Test func anExistingEmptyFileIsMigratedToTheLatestSchema() async throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        try FileManager.default.createDirectory(at: temporary.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: temporary.url.path, contents: Data())
        let store = try temporary.open()
        #expect(try store.schemaVersions() == ["v1", "v2", "v3", "v4", "v5", "v6"])
        _ = try await store.recordIntent(try RefreshTarget(type: .instagram, value: "x"), at: StoreSamples.date, holder: StoreSamples.holder, leaseUntil: StoreSamples.date + 45)
        #expect(try await store.requests().count == 1)
    }

    @Test func aVersionOneStoreMigratesKeepingItsRowsWithOneSnapshotPerRequest() async throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        try FileManager.default.createDirectory(at: temporary.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: temporary.url.path)
        try StoreSchema.migrator.migrate(queue, upTo: "v1")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO request (request_id, request_type, target_value, state, submitted_at, owner_pid)
                    VALUES ('a', 'instagram', 'thetatvaindia', 'succeeded', 1750000000, NULL),
                           (NULL, 'instagram', 'interrupted', 'submitting', 1750000001, 4242),
                           ('b', 'instagram', 'thetatvaindia', 'succeeded', 1740000000, NULL);
                INSERT INTO response (request_id, received_at, body) VALUES ('a', 1750000002, X'7B7D');
                INSERT INTO creator (platform, key, followers, last_refreshed_at)
                    VALUES ('instagram', 'thetatvaindia', 5, 1750000002);
                INSERT INTO snapshot (creator_id, request_id, taken_at, followers) VALUES (1, 'a', 1750000002, 5),
                    (1, 'a', 1750000003, 5), (1, 'a', 1750000004, 5), (1, 'b', 1740000001, 4);
                """)
        }
        try queue.close()
        let store = try temporary.open()
        #expect(try store.schemaVersions() == ["v1", "v2", "v3", "v4", "v5", "v6"])
        #expect(try await store.request("a")?.state == .succeeded)
        #expect(try await store.request("a")?.submittedBy == nil, "who submitted it was not recorded before v3")
        #expect(try await store.responseBody("a") == Data("{}".utf8))
        let creator = try #require(try await store.creators().first)
        #expect(try await store.history(of: creator).count == 2, "looks at a finished request recorded more than once")
        #expect(creator.previousFollowers == 4, "the change since the refresh before is read from the snapshots")
        #expect(try await store.recoverInterruptedSubmissions(now: StoreSamples.date) == 1, "v1 intents have no lease")
        #expect(try store.integrityCheck() == "ok")
    }
}
