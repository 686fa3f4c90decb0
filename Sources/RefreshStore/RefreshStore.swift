import Foundation
import GRDB
import RefreshTracking

/// The local SQLite store (WAL mode, through GRDB): every tracked request, every
/// finished response (raw body and decoded figures), and creators with a history
/// of snapshots. Safe to open from several processes at once: each sees the
/// others' changes through ``changes(since:)``, woken by ``changeHints()``, and
/// poll leases keep each pending request with one tracker.
public final class RefreshStore: TrackingStore {
    /// The file this store lives in; nil for a store held in memory.
    public let url: URL?
    public var location: String { url?.path ?? "memory" }
    /// Whether the store was opened read-only: every write fails, and nothing beside the file is created.
    public let isReadOnly: Bool
    let database: any DatabaseWriter
    /// One write at a time from this process (``write(_:)``).
    let writeGate = WriteGate()

    /// Opens the store at `url`, creating it (mode 0600, in a 0700 folder) if it does
    /// not exist, and migrating it. A damaged file, a file from a newer ylytic, or one
    /// that cannot be read gives a ``StoreError`` and is left untouched.
    public init(url: URL) throws(StoreError) {
        self.url = url
        isReadOnly = false
        let path = url.path
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let folder = url.deletingLastPathComponent()
        if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .unopenable(path, "it is a folder")
        }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unopenable(path, (error as NSError).localizedDescription)
        }
        // Processes opening the store at once create, check and migrate it one after the other.
        let lock = FolderLock(folder.path)
        defer { lock.release() }
        // Created in place, never by renaming a new file over one another process may have opened already.
        let created = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if created >= 0 {
            close(created)
        } else if errno != EEXIST {
            throw .unopenable(path, String(cString: strerror(errno)))
        } else if !manager.isReadableFile(atPath: path) {
            throw .unopenable(path, "permission denied")
        } else {
            try Self.inspect(path)
        }

        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // A write spans several calls on the writing connection (``write(_:)``), one transaction from BEGIN to COMMIT.
        configuration.allowsUnsafeTransactions = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try StoreSchema.migrator.migrate(database)
        } catch {
            throw .corrupt(path, Self.reason(error))
        }
    }

    /// A new, empty store held in memory and gone with the process: for a page opened from a file, which shows
    /// nothing stored and must leave nothing on disk, even when the process is killed.
    public init(inMemory: Void = ()) throws(StoreError) {
        url = nil
        isReadOnly = false
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        do {
            database = try DatabaseQueue(configuration: configuration)
            try StoreSchema.migrator.migrate(database)
        } catch {
            throw .corrupt("memory", Self.reason(error))
        }
    }

    /// Opens an existing store read-only, for reading commands on a store this user cannot write (another
    /// user's file, a read-only folder): nothing is written, no file is created beside it, and a store of another
    /// schema is refused rather than migrated. While another process writes it (its write-ahead log is there),
    /// its latest changes are read; otherwise the file is read as it is.
    public init(readingOnly url: URL) throws(StoreError) {
        self.url = url
        isReadOnly = true
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path) }
        if isDirectory.boolValue { throw .unopenable(path, "it is a folder") }
        try Self.checkHeader(path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.allowsUnsafeTransactions = true
        let manager = FileManager.default
        let logIsThere = manager.fileExists(atPath: path + "-wal") && manager.fileExists(atPath: path + "-shm")
        do {
            database = try DatabaseQueue(path: logIsThere ? path : Self.immutableURI(path), configuration: configuration)
            try database.read { db in
                let migrator = StoreSchema.migrator
                if try migrator.hasBeenSuperseded(db) {
                    let known = Set(migrator.migrations)
                    throw StoreError.newer(path, try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted())
                }
                guard try migrator.hasCompletedMigrations(db) else { throw StoreError.older(path) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .corrupt(path, Self.reason(error))
        }
    }

    /// An SQLite URI that opens `path` as a file nobody changes: no journal, no shared-memory file.
    private static func immutableURI(_ path: String) -> String {
        var components = URLComponents()
        components.scheme = "file"
        components.path = path
        components.queryItems = [URLQueryItem(name: "immutable", value: "1")]
        return components.string ?? path
    }

    /// Checks an existing file through a read-only connection, so that a file this
    /// version cannot use is refused without a single byte of it changing.
    private static func inspect(_ path: String) throws(StoreError) {
        try checkHeader(path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let connection = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? connection.close() }
            try connection.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                guard try db.tableExists("grdb_migrations") else { return }
                let migrator = StoreSchema.migrator
                if try migrator.hasBeenSuperseded(db) {
                    let known = Set(migrator.migrations)
                    throw StoreError.newer(path, try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted())
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .corrupt(path, reason(error))
        }
    }

    /// Refuses, before SQLite touches it, a file that is not an SQLite database at all.
    private static func checkHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unopenable(path, "permission denied") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw .corrupt(path, "it does not start like an SQLite database")
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    /// The applied schema versions, oldest first.
    public func schemaVersions() throws -> [String] {
        try database.read { db in try StoreSchema.migrator.appliedMigrations(db) }
    }

    public func tables() async throws -> [String] {
        try await database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
    }

    /// Runs SQLite's integrity check; "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
