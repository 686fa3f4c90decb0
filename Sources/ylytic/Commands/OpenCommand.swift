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
        let record = try ShowCommand.read(file).get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-open-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store: RefreshStore
        do {
            store = try RefreshStore(url: folder.appendingPathComponent("ylytic.sqlite"))
        } catch {
            throw CommandFailure(message: "\(error)", status: .invalidInput)
        }
        return await DashboardLauncher.run(
            store: store, client: nil, source: file, setupHint: nil, starters: [],
            page: CreatorPage(record: record, isOnlyPage: true), output: output, context: context)
    }
}
