import ArgumentParser
import Foundation
import RefreshTracking

/// Which store to use.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store: a file, or a team's ledger as postgresql://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=PATH] "
                + "(default: YLYTIC_STORE, else ~/.local/state/ylytic/ylytic.sqlite).",
            valueName: "path-or-url"))
    var store: String?

    /// The store named by `--store`, `YLYTIC_STORE`, or the default file.
    func address(_ context: CommandContext) throws(CommandFailure) -> StoreAddress {
        try StoreAddress.resolve(store, environment: context.environment)
    }

    /// Opens the store for a command that writes to it (see ``StoreAddress/open(now:)``).
    func open(_ context: CommandContext) async throws(CommandFailure) -> any TrackingStore {
        let address = try address(context)
        address.printWarnings(context)
        return try await address.open(now: context.time.now)
    }

    /// Opens the store for a command that only reads it (see ``StoreAddress/openForReading(now:)``).
    func openForReading(_ context: CommandContext) async throws(CommandFailure) -> (any TrackingStore)? {
        let address = try address(context)
        address.printWarnings(context)
        return try await address.openForReading(now: context.time.now)
    }
}
