import Foundation
import RefreshAPI
import RefreshTestSupport
import RefreshStore
import RefreshTracking
import Testing

@Suite("The store across processes")
struct StoreProcessTests {
    static let probe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("StoreProbe")

    /// Starts the probe; its stdout yields one line per committed write.
    func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Self.probe
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, output, errors)
    }

    /// Reads lines from `pipe` until `count` have arrived (or the writer closed it), on a thread of its own.
    func readLines(_ pipe: Pipe, count: Int) async -> [String] {
        nonisolated(unsafe) let pipe = pipe
        return await OwnThread.run {
            var text = ""
            while text.filter({ $0 == "\n" }).count < count {
                let chunk = pipe.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text.split(separator: "\n").map(String.init)
        }
    }

    /// Waits, on a thread of its own, for a probe to end; its exit status and what it wrote on stderr.
    func finish(_ process: Process, _ output: Pipe, _ errors: Pipe) async -> (status: Int32, complaint: String) {
        nonisolated(unsafe) let (process, output, errors) = (process, output, errors)
        return await OwnThread.run {
            _ = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    @Test func killedMidWritesLeavesASoundStoreWithEveryCommittedWrite() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.probe.path))
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        _ = try temporary.open()
        let (process, output, _) = try start([temporary.url.path, "requests", "killed", "1000000"])
        let committed = await readLines(output, count: 300)
        kill(process.processIdentifier, SIGKILL)
        nonisolated(unsafe) let killed = process
        await OwnThread.run { killed.waitUntilExit() }
        #expect(process.terminationReason == .uncaughtSignal)
        // Lines read so far may include more that arrived together; each was printed after its commit.
        let store = try temporary.open()
        #expect(try store.integrityCheck() == "ok")
        for id in committed.dropLast() {
            #expect(try await store.request(RequestID(id)) != nil, "\(id) was reported committed")
        }
        #expect(committed.count >= 300)
    }

    @Test func twoProcessesWritingAtOnceLoseNothingAndSeeNoLockErrors() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.probe.path))
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        let store = try temporary.open()
        let local = try await store.recordIntent(
            try RefreshTarget(type: .instagram, value: "shared"), at: Date(), holder: StoreSamples.holder, leaseUntil: Date() + 60)
        try await store.recordSubmission(
            local, RefreshRecord(requestID: "shared", status: RefreshStatus(code: 201, message: "pending")), holder: nil,
            leaseUntil: nil)

        // Enough writes to meet each other often, few enough that none waits out SQLite's busy time on a loaded
        // machine.
        let writers = try [
            start([temporary.url.path, "requests", "first", "150"]),
            start([temporary.url.path, "requests", "second", "150"]),
            start([temporary.url.path, "errors", "shared", "100"]),
            start([temporary.url.path, "errors", "shared", "100"]),
        ]
        for (process, output, errors) in writers {
            let (status, complaint) = await finish(process, output, errors)
            #expect(status == 0, "\(complaint)")
            #expect(!complaint.contains("locked"))
        }
        #expect(try await store.requests().count == 301, "every request of both writers, and the shared one")
        #expect(try await store.request("shared")?.errorCount == 200, "no read-modify-write was lost")
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func processesOpeningANewStoreAtOnceAllMigrateItAndWrite() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.probe.path))
        let temporary = TemporaryStore()
        defer { temporary.cleanUp() }
        let writers = try (0..<6).map { try start([temporary.url.path, "requests", "opener\($0)", "3"]) }
        for (process, output, errors) in writers {
            let (status, complaint) = await finish(process, output, errors)
            #expect(status == 0, "\(complaint)")
        }
        let store = try temporary.open()
        #expect(try store.schemaVersions() == ["v1", "v2", "v3", "v4", "v5", "v6"])
        #expect(try await store.requests().count == 18)
    }
}
