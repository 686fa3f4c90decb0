import ArgumentParser
import Foundation
import RefreshStore

/// Which local store to use.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The local store (default: YLYTIC_STORE, else ~/.local/state/ylytic/ylytic.sqlite).")
    var store: String?

    /// Opens the store, turning intents left by a process that died into "outcome unknown".
    func open(_ context: CommandContext) -> Result<RefreshStore, CommandFailure> {
        let url = StoreLocation.resolve(flag: store, environment: context.environment)
        do {
            let opened = try RefreshStore(url: url)
            try opened.recoverInterruptedSubmissions()
            return .success(opened)
        } catch let error as StoreError {
            return .failure(CommandFailure(message: error.description, status: .invalidInput))
        } catch {
            return .failure(CommandFailure(message: "the store \(url.path) failed: \(error)", status: .invalidInput))
        }
    }
}
