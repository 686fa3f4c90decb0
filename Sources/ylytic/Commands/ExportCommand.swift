import ArgumentParser
import DashboardCore
import Foundation
import Presentation
import RefreshAPI
import RefreshStore
import TextGrid

/// `ylytic export ID`: the posts of a finished refresh as a table.
struct ExportCommand: YlyticCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the posts of a finished refresh in the store, one row per post.",
        discussion: """
            A creator or post means its latest finished refresh. CSV has a header row and is quoted as RFC 4180 \
            says; JSON is a list of posts.
            """)

    @Argument(help: ArgumentHelp(ReferenceArguments.help, valueName: "request-or-creator"))
    var reference: [String]

    @Option(name: .long, help: "csv or json.")
    var format: Format = .csv

    @Option(name: .long, help: "Write to this file instead of standard output (a new one, unless --force).")
    var output: String?

    @Flag(name: .long, help: "Replace the --output file when it exists.")
    var force = false

    @OptionGroup var storage: StoreOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        // Checked before anything is read, so that a file in the way costs nothing: it is never replaced unasked.
        var isFolder: ObjCBool = false
        if let output, !force, FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue {
            return context.fail(
                CommandFailure(
                    message: "\(SafeText.visible(output)) exists already; --force replaces it, or give another --output",
                    status: .invalidInput))
        }
        let references = try ReferenceArguments.read(reference)
        guard references.count == 1, let named = references.first else {
            return context.fail(CommandFailure(message: "give one request id or creator", status: .invalidInput))
        }
        let name = SafeText.sanitize(named.description)
        guard let store = try await storage.openForReading(context) else {
            return context.fail(
                CommandFailure(
                    message: "no finished response for '\(name)': there is no store at "
                        + "\((try storage.address(context))) yet",
                    status: .invalidInput))
        }
        let id: RequestID
        switch try await ReferenceArguments.find(named, in: store, wanting: .latestFinished) {
        case .stored(let found, _), .serverOnly(let found): id = found
        }
        let body: Data
        do {
            guard let stored = try await store.responseBody(id) else {
                return context.fail(
                    CommandFailure(message: "no finished response for '\(name)' in the store", status: .invalidInput))
            }
            body = stored
        } catch {
            return context.fail(CommandFailure(message: "the store failed: \(error)", status: .invalidInput))
        }
        let posts: Posts
        do {
            posts = try RefreshRecordDecoder.decode(body).response?.posts ?? Posts()
        } catch {
            return context.fail(CommandFailure(message: "the stored response: \(error.description)", status: .invalidInput))
        }
        let text = format == .csv ? PostsCSV.text(posts) : JSONOutput.encode(posts.video + posts.nonVideo) + "\n"
        guard let output else {
            context.stdout.write(text)
            return .succeeded
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: force ? .atomic : .withoutOverwriting)
            context.stderr.line("Wrote \(posts.video.count + posts.nonVideo.count) posts to \(SafeText.visible(output)).")
            return .succeeded
        } catch {
            return context.fail(
                CommandFailure(message: "cannot write \(output): \(FileProblem.writing(output, error))", status: .invalidInput))
        }
    }
}
