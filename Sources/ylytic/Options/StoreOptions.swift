import ArgumentParser
import Foundation
import RefreshStore

/// Which local store to use.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The local store (default: YLYTIC_STORE, else ~/.local/state/ylytic/ylytic.sqlite).")
    var store: String?

    /// The store's file.
    func location(_ context: CommandContext) -> URL {
        StoreLocation.resolve(flag: store, environment: context.environment)
    }

    /// Opens the store for a command that writes to it (creating it if need be), turning intents left by a
    /// process that died into "outcome unknown". A store this user cannot write is refused with a message.
    func open(_ context: CommandContext) async throws(CommandFailure) -> RefreshStore {
        let url = location(context)
        if FileManager.default.fileExists(atPath: url.path), !Self.isWritable(url) {
            throw CommandFailure(message: StoreError.readOnly(url.path).description, status: .invalidInput)
        }
        do {
            let opened = try RefreshStore(url: url)
            try await opened.recoverInterruptedSubmissions(now: context.time.now)
            return opened
        } catch let error as StoreError {
            throw CommandFailure(message: error.description, status: .invalidInput)
        } catch {
            throw CommandFailure(message: "the store \(url.path) failed: \(error)", status: .invalidInput)
        }
    }

    /// Opens the store for a command that only reads it: nil when there is none yet (and none is created); a
    /// store this user cannot write is opened read-only, writing nothing beside it.
    func openForReading(_ context: CommandContext) async throws(CommandFailure) -> RefreshStore? {
        let url = location(context)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard !Self.isWritable(url) else { return try await open(context) }
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
