import ArgumentParser
import DashboardApp
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
        let (page, postText) = try Self.page(readFrom: file)
        let store = try await opened.get()
        return await DashboardLauncher.run(
            store: store, client: nil, source: file, setupHint: nil, starters: [],
            page: page, postText: postText, output: output, context: context)
    }

    /// The page for the body in `path`, and the whole reading of its posts' text when the page is drawn from
    /// their figures first. A body that cannot be read is refused here exactly as the whole reading would refuse
    /// it, so nothing goes wrong after the screen starts. The body is not kept: the whole reading lets it go
    /// when done.
    private static func page(readFrom path: String) throws(CommandFailure) -> (CreatorPage, WholeReading?) {
        let body = try ShowCommand.readBody(path).get()
        do {
            return try WholeReading.page(for: body)
        } catch {
            throw CommandFailure(message: "\(path): \(error.description)", status: .invalidInput)
        }
    }

    private static func emptyStore(in folder: URL) async -> Result<RefreshStore, CommandFailure> {
        Result { try RefreshStore(url: folder.appendingPathComponent("ylytic.sqlite")) }
            .mapError { CommandFailure(message: "\($0)", status: .invalidInput) }
    }
}
