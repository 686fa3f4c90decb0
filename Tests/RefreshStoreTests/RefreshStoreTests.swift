import Foundation
import RefreshAPI
import RefreshStore
import Testing

@Suite("The local store")
struct RefreshStoreTests {
    @Test func createsAPrivateFileInAPrivateFolderAndMigrates() throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        let store = try temporary.open()
        #expect(try store.schemaVersions() == ["v1"])
        let fileMode = try FileManager.default.attributesOfItem(atPath: temporary.url.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(
            atPath: temporary.url.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        #expect(try store.integrityCheck() == "ok")
        // Reopening an up-to-date store changes nothing.
        #expect(try temporary.open().schemaVersions() == ["v1"])
    }

    @Test func intentThenSubmissionThenPollsThenFinish() throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        let store = try temporary.open()
        let target = try RefreshTarget(type: .instagram, value: "thetatvaindia")
        let local = try store.recordIntent(target, at: StoreSamples.date)
        #expect(try store.requests().map(\.state) == [.submitting])
        try store.recordSubmission(local, StoreSamples.record("abc", message: "pending", code: 201))
        #expect(try store.followedRequests().map(\.requestID) == ["abc"])
        try store.recordPoll(StoreSamples.record("abc", message: "pending", code: 201), at: StoreSamples.date + 2)
        try store.recordStale("abc")
        try store.recordPoll(StoreSamples.record("abc", message: "pending", code: 201), at: StoreSamples.date + 40)
        #expect(try store.request("abc")?.state == .stale, "a poll that is still pending keeps it stale")
        let finished = StoreSamples.record("abc", message: "success", followers: 10_001)
        try store.recordFinished(finished, body: Data("{\"raw\":true}".utf8), at: StoreSamples.date + 60)
        let request = try #require(try store.request("abc"))
        #expect(request.state == .succeeded)
        #expect(request.followers == 10_001)
        #expect(request.creatorName == "Anurag Gupta")
        #expect(request.target == target)
        #expect(try store.responseBody("abc") == Data("{\"raw\":true}".utf8))
        #expect(try store.followedRequests().isEmpty)
        let creator = try #require(try store.creators(matching: "@TheTatvaIndia").first)
        #expect(creator.followers == 10_001)
        #expect(creator.tier == "micro", "derived from followers when the API sends none")
        #expect(try store.history(of: creator).map(\.followers) == [10_001])
    }

    @Test func youTubeChannelIDsKeepTheirCaseAndHandlesDoNot() throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        let store = try temporary.open()
        try store.recordFinished(
            StoreSamples.record("y", message: "success", followers: 5, handle: "UCurYxozQbvKn-oNUxNJh45Q", type: .youtube),
            body: Data("{}".utf8), at: StoreSamples.date)
        try store.recordFinished(
            StoreSamples.record("i", message: "success", followers: 6, handle: "TheTatvaIndia"), body: Data("{}".utf8),
            at: StoreSamples.date)
        #expect(Set(try store.creators().map(\.key)) == ["UCurYxozQbvKn-oNUxNJh45Q", "thetatvaindia"])
        #expect(try store.creators(matching: "ucuryxozqbvkn-onuxnjh45q").count == 1, "found whatever the case typed")
    }

    @Test func failedRefreshKeepsTheServersWordsAndNoResponse() throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        let store = try temporary.open()
        let local = try store.recordIntent(try RefreshTarget(type: .instagram, value: "x"), at: StoreSamples.date)
        try store.recordSubmission(local, StoreSamples.record("f1", message: "pending", code: 201))
        try store.recordFinished(StoreSamples.record("f1", message: "failed: this account is private", code: 422), body: Data(), at: StoreSamples.date)
        #expect(try store.request("f1")?.state == .failed)
        #expect(try store.request("f1")?.detail == "failed: this account is private")
        #expect(try store.responseBody("f1") == nil)
        #expect(try store.requests(in: .failed).count == 1)
        #expect(try store.requests(in: .succeeded).isEmpty)
    }

    @Test func historyGrowsWithEachRefreshOfTheSameCreator() throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        let store = try temporary.open()
        for (index, followers) in [9_000, 9_500, 10_001].enumerated() {
            try store.recordFinished(
                StoreSamples.record("r\(index)", message: "success", followers: followers), body: Data("{}".utf8),
                at: StoreSamples.date + Double(index) * 86_400)
        }
        let creators = try store.creators()
        #expect(creators.count == 1)
        #expect(try store.history(of: creators[0]).map(\.followers) == [9_000, 9_500, 10_001])
        #expect(try store.history(ofCreatorRefreshedBy: "r1").map(\.followers) == [9_000, 9_500, 10_001])
        #expect(try store.history(ofCreatorRefreshedBy: "unknown").isEmpty)
    }

    @Test func interruptedSubmissionBecomesOutcomeUnknownButOneUnderWayIsLeftAlone() throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        let store = try temporary.open()
        let target = try RefreshTarget(type: .youtube, value: "UCurYxozQbvKn-oNUxNJh45Q")
        _ = try store.recordIntent(target, at: StoreSamples.date)
        #expect(try store.recoverInterruptedSubmissions() == 0, "this process is alive: its intent is under way")
        #expect(try store.recoverInterruptedSubmissions(isAlive: { _ in false }) == 1)
        let request = try #require(try store.requests().first)
        #expect(request.state == .unknown)
        #expect(request.detail?.contains("outcome unknown") == true)
        #expect(request.target == target)
    }

    @Test func forgetKeepsResponseAndHistoryUnlessPurged() throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        let store = try temporary.open()
        try store.recordFinished(StoreSamples.record("a", message: "success", followers: 5), body: Data("{}".utf8), at: StoreSamples.date)
        try store.recordFinished(StoreSamples.record("b", message: "success", followers: 6), body: Data("{}".utf8), at: StoreSamples.date + 1)
        #expect(try store.forget("a", purge: false))
        #expect(try store.request("a") == nil)
        #expect(try store.responseBody("a") != nil)
        #expect(try store.history(of: store.creators()[0]).count == 2)
        #expect(try store.forget("b", purge: true))
        #expect(try store.responseBody("b") == nil)
        #expect(try store.history(of: store.creators()[0]).map(\.followers) == [5])
        #expect(try store.forget("nope", purge: false) == false)
    }
}

@Suite("Stores that cannot be used")
struct UnusableStoreTests {
    private func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test func aFileThatIsNotAStoreIsRefusedAndLeftUntouched() throws {
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

    @Test func aDamagedStoreIsRefusedAndLeftUntouched() throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        do {
            let store = try temporary.open()
            try store.recordFinished(StoreSamples.record("a", message: "success", followers: 5), body: Data("{}".utf8), at: StoreSamples.date)
        }
        var data = try bytes(temporary.url)
        guard data.count > 200 else { return }
        for index in 100..<min(data.count, 4000) { data[index] = 0xFF }
        try data.write(to: temporary.url)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.url.path + suffix) }
        #expect(throws: StoreError.self) { try temporary.open() }
        #expect(try bytes(temporary.url) == data)
    }

    @Test func aStoreFromANewerVersionIsRefusedAndLeftUntouched() throws {
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

    @Test func aFolderInPlaceOfTheFileIsRefused() throws {
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

    @Test func anExistingEmptyFileIsMigratedToTheLatestSchema() throws {
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        try FileManager.default.createDirectory(at: temporary.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: temporary.url.path, contents: Data())
        let store = try temporary.open()
        #expect(try store.schemaVersions() == ["v1"])
        _ = try store.recordIntent(try RefreshTarget(type: .instagram, value: "x"), at: StoreSamples.date)
        #expect(try store.requests().count == 1)
    }

    @Test func everyEarlierSchemaVersionMigratesForwardKeepingItsData() throws {
        // v1 is the only released schema so far: a store written at v1 opens unchanged and keeps its rows.
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        do {
            let store = try temporary.open()
            try store.recordFinished(StoreSamples.record("a", message: "success", followers: 5), body: Data("{}".utf8), at: StoreSamples.date)
        }
        let reopened = try temporary.open()
        #expect(try reopened.schemaVersions() == ["v1"])
        #expect(try reopened.request("a")?.state == .succeeded)
        #expect(try reopened.responseBody("a") == Data("{}".utf8))
    }
}
