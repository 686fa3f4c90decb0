import ArgumentParser
import Foundation
import RefreshStore

/// Which local store to use.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The local store (default: YLYTIC_STORE, else ~/.local/state/ylytic/ylytic.sqlite).")
    var store: String?

    /// Opens the store, turning intents left by a process that died into "outcome unknown".
    func open(_ context: CommandContext) async throws(CommandFailure) -> RefreshStore {
        let url = StoreLocation.resolve(flag: store, environment: context.environment)
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
}
