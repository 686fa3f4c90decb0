import ArgumentParser
import DashboardApp
import DashboardCore
import Foundation
import RefreshAPI
import RefreshStore
import RefreshTracking
import TextGrid

/// `ylytic open FILE` or `ylytic open CREATOR`: a response body on the creator page, without network or token.
struct OpenCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a refresh on the creator page: a saved response body, or the store's; no network or token.",
        discussion: """
            A file that exists is read as a saved response body (the JSON a GET returns); anything else names a \
            refresh in the store: a request id, or a creator or post (its latest finished refresh). What cannot be \
            read or found exits 2 with the reason, before the screen starts.
            """)

    @Argument(help: ArgumentHelp("A saved response body, or a refresh in the store.", valueName: "file-or-refresh"))
    var source: [String]

    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let (name, body) = try await body(context)
        let (page, postText) = try Self.page(for: body, from: name)
        // The screen runs on an empty store in memory: nothing is left behind, even when the process is killed.
        let store: RefreshStore
        do {
            store = try RefreshStore(inMemory: ())
        } catch {
            throw CommandFailure(message: error.description, status: .invalidInput)
        }
        return await DashboardLauncher.run(
            store: store, client: nil, source: name, setupHint: nil, starters: [],
            page: page, postText: postText, output: output, context: context)
    }

    /// The body to show and what to call it: the file's, or the store's for the refresh named.
    private func body(_ context: CommandContext) async throws(CommandFailure) -> (String, Data) {
        if source.count == 1, FileManager.default.fileExists(atPath: source[0]) {
            return (source[0], try ShowCommand.readBody(source[0]).get())
        }
        // One word that is no reference (a path that looks like no address) is a file that could not be read.
        let references: [RefreshReference]
        do throws(CommandFailure) {
            references = try ReferenceArguments.read(source)
        } catch {
            if source.count == 1 { return (source[0], try ShowCommand.readBody(source[0]).get()) }
            throw error
        }
        guard references.count == 1, let named = references.first else {
            throw CommandFailure(message: "give one file, request id or creator", status: .invalidInput)
        }
        let name = SafeText.sanitize(named.description)
        guard let store = try await storage.openForReading(context) else {
            if source.count == 1 { return (source[0], try ShowCommand.readBody(source[0]).get()) }
            throw CommandFailure(message: "no refresh of \(name): the store is empty", status: .invalidInput)
        }
        let found: ReferenceArguments.Named
        do throws(CommandFailure) {
            found = try await ReferenceArguments.find(named, in: store, wanting: .latestFinished)
        } catch {
            // One word that names nothing is most likely a file mistyped: say why that file cannot be read.
            if source.count == 1, case .word = named { return (source[0], try ShowCommand.readBody(source[0]).get()) }
            throw error
        }
        switch found {
        case .stored(let id, _):
            let body: Data?
            do {
                body = try await store.responseBody(id)
            } catch {
                throw CommandFailure(message: "the store failed: \(error)", status: .invalidInput)
            }
            guard let body else {
                throw CommandFailure(message: "no finished response for '\(name)' in the store", status: .invalidInput)
            }
            return (name, body)
        case .serverOnly:
            // Neither a file nor anything the store knows: say why the file could not be read.
            return (source[0], try ShowCommand.readBody(source[0]).get())
        }
    }

    /// The page for `body`, and the whole reading of its posts' text when the page is drawn from their figures
    /// first. A body that cannot be read is refused here exactly as the whole reading would refuse it, so nothing
    /// goes wrong after the screen starts. The body is not kept: the whole reading lets it go when done.
    private static func page(for body: Data, from name: String) throws(CommandFailure) -> (CreatorPage, WholeReading?) {
        do {
            return try WholeReading.page(for: body)
        } catch {
            throw CommandFailure(message: "\(name): \(error.description)", status: .invalidInput)
        }
    }
}
