import Foundation
import PostgresLedger
import RefreshStore
import RefreshTracking

/// Which store a command works on: a local SQLite file, or a team's PostgreSQL ledger.
enum StoreAddress: CustomStringConvertible {
    case file(URL)
    case ledger(LedgerAddress)

    /// `text` (from `--store`, `--from`, `--to`), else `YLYTIC_STORE`, else the default file. A database address
    /// that cannot be read is refused with a message that never repeats its password.
    static func resolve(_ text: String?, environment: [String: String]) throws(CommandFailure) -> StoreAddress {
        let given = text ?? environment["YLYTIC_STORE"]
        let named = given?.trimmingCharacters(in: .whitespaces)
        if let named, LedgerAddress.isLedgerURL(named) {
            do {
                return .ledger(try LedgerAddress(parsing: named, environment: environment))
            } catch {
                throw CommandFailure(message: error.description, status: .invalidInput)
            }
        }
        // A mistyped scheme must not become a folder named after the address, password and all.
        if let named, let scheme = named.firstMatch(of: /^([A-Za-z][A-Za-z0-9+.\-]*):\//) {
            throw CommandFailure(
                message: "the store '\(scheme.1):…' is neither a file nor a postgresql:// address (for a file whose "
                    + "name starts so, write ./ before it)",
                status: .invalidInput)
        }
        return .file(StoreLocation.resolve(flag: text, environment: environment))
    }

    /// Prints what was found wrong but not fatal in a ledger's address (a password file others may read, say).
    func printWarnings(_ context: CommandContext) {
        guard case .ledger(let address) = self else { return }
        for warning in address.warnings { context.stderr.line("ylytic: warning: \(warning)") }
    }

    /// The file's path, or the database's address without its password.
    var description: String {
        switch self {
        case .file(let url): url.path
        case .ledger(let address): address.description
        }
    }

    /// Whether there is a store there already (a database always counts: it is created on a server).
    var exists: Bool {
        switch self {
        case .file(let url): FileManager.default.fileExists(atPath: url.path)
        case .ledger: true
        }
    }

    /// Opens the store for a command that writes to it (creating it if need be), turning intents left by a
    /// process that died into "outcome unknown". A file this user cannot write is refused with a message.
    func open(now: Date) async throws(CommandFailure) -> any TrackingStore {
        let store: any TrackingStore
        do {
            switch self {
            case .file(let url):
                if FileManager.default.fileExists(atPath: url.path), !Self.isWritable(url) {
                    throw CommandFailure(message: StoreError.readOnly(url.path).description, status: .invalidInput)
                }
                store = try RefreshStore(url: url)
            case .ledger(let address):
                store = try await PostgresLedger.open(address)
            }
        } catch let error as CommandFailure {
            throw error
        } catch let error as LedgerError {
            // A server that cannot be reached or refuses is a network problem; a newer schema is not.
            throw CommandFailure(message: error.description, status: error.isNewerSchema ? .invalidInput : .networkProblem)
        } catch {
            throw CommandFailure(message: "\(error)", status: .invalidInput)
        }
        do {
            try await store.recoverInterruptedSubmissions(now: now)
        } catch {
            throw CommandFailure(message: "the store \(self) failed: \(error)", status: .invalidInput)
        }
        return store
    }

    /// Opens the store for a command that only reads it: nil when there is no file yet (and none is created); a
    /// file this user cannot write is opened read-only, writing nothing beside it.
    func openForReading(now: Date) async throws(CommandFailure) -> (any TrackingStore)? {
        guard case .file(let url) = self else { return try await open(now: now) }
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard !Self.isWritable(url) else { return try await open(now: now) }
        do {
            return try RefreshStore(readingOnly: url)
        } catch {
            throw CommandFailure(message: error.description, status: .invalidInput)
        }
    }

    /// Whether this user can write the file and its folder (SQLite writes a log and an index beside it).
    private static func isWritable(_ url: URL) -> Bool {
        access(url.path, W_OK) == 0 && access(url.deletingLastPathComponent().path, W_OK) == 0
    }
}
