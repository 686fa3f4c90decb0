import ArgumentParser
import DashboardCore
import Foundation
import RefreshAPI
import RefreshStore

/// `ylytic open FILE`: a saved response body on the creator page, without network or token.
struct OpenCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a saved response body (the JSON a GET returns) on the creator page; no network or token.",
        discussion: "A file that cannot be read exits 2 with the reason, before the screen starts.")

    @Argument(help: "The saved response body.")
    var file: String

    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-open-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The empty store the screen runs on is made on another thread while this one reads the file.
        async let opened = Self.emptyStore(in: folder)
        let record = try ShowCommand.read(file).get()
        let store = try await opened.get()
        return await DashboardLauncher.run(
            store: store, client: nil, source: file, setupHint: nil, starters: [],
            page: CreatorPage(record: record), output: output, context: context)
    }

    private static func emptyStore(in folder: URL) async -> Result<RefreshStore, CommandFailure> {
        Result { try RefreshStore(url: folder.appendingPathComponent("ylytic.sqlite")) }
            .mapError { CommandFailure(message: "\($0)", status: .invalidInput) }
    }
}
