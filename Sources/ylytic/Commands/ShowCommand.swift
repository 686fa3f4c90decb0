import ArgumentParser
import DashboardCore
import Foundation
import Presentation
import RefreshAPI
import RefreshTracking

/// `ylytic show ID` or `ylytic show --file PATH`: a readable report of a refresh.
struct ShowCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a report of a finished refresh: profile, growth, trends and top posts.",
        discussion: """
            A refresh that ended is read from the store, with no token or network; --fetch asks the API instead, \
            as does a request the store does not hold as ended. A creator or post means its latest finished \
            refresh. --file reads a saved GET response body. \
            Exits by the state of the refresh: 0 succeeded, 1 failed, 5 pending.

            \(ExitStatus.helpText)
            """)

    @Argument(help: ArgumentHelp(ReferenceArguments.help, valueName: "request-or-creator"))
    var reference: [String] = []

    @Flag(name: .long, help: "Ask the API even when the store holds the refresh's end.")
    var fetch = false

    @Option(name: .long, help: "Read a saved response body (the JSON a GET returns) instead of calling the API.")
    var file: String?

    @Option(name: .long, help: "How many top posts to list.")
    var posts = 10

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard reference.isEmpty != (file == nil) else {
            throw ValidationError("give either a request id or creator, or --file PATH")
        }
        guard posts >= 0 else { throw ValidationError("--posts must be zero or more") }
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let record: RefreshRecord
        if let file {
            switch Self.read(file) {
            case .success(let read): record = read
            case .failure(let failure): return context.fail(failure)
            }
        } else {
            let references = try ReferenceArguments.read(reference)
            guard references.count == 1, let named = references.first else {
                return context.fail(CommandFailure(message: "give one request id or creator", status: .invalidInput))
            }
            let store = try await storage.openForReading(context)
            let id: RequestID
            var hint = ""
            switch try await ReferenceArguments.find(named, in: store, wanting: .latestFinished) {
            case .serverOnly(let word):
                id = word
                hint = ReferenceArguments.unknownWordHint(word)
            case .stored(let found, let tracked):
                id = found
                if !fetch, let store, let stored = try await StoredEnd.read(found, tracked: tracked, in: store) {
                    return write(stored.record, storedAt: stored.endedAt, context)
                }
            }
            let client = try connection.client(context)
            do {
                record = try await client.fetch(id)
            } catch {
                return context.fail(CommandFailure(message: error.description + hint, status: ExitStatus(error)))
            }
        }
        return write(record, storedAt: nil, context)
    }

    /// Prints the report (saying when a refresh read from the store ended) and exits by the refresh's state.
    private func write(_ record: RefreshRecord, storedAt: StoredEnd.When?, _ context: CommandContext) -> ExitStatus {
        if output.json {
            context.stdout.line(JSONOutput.encode(RecordJSON(record)))
        } else {
            let writer = output.writer(context)
            if let storedAt { writer.write(StyledLine(storedAt.text(now: context.time.now), role: .dim)) }
            let width = Int(context.environment["COLUMNS"] ?? "") ?? 100
            writer.write(CreatorReportText(width: width, glyphs: writer.glyphs, topPosts: posts).lines(for: record))
        }
        return ExitStatus(record.state)
    }

    /// Reads and decodes a saved body; any problem is an input error (exit 2).
    static func read(_ path: String) -> Result<RefreshRecord, CommandFailure> {
        readBody(path).flatMap { data in
            Result { () throws(ResponseUnreadable) in try RefreshRecordDecoder.decode(data) }
                .mapError { CommandFailure(message: "\(path): \($0.description)", status: .invalidInput) }
        }
    }

    /// Reads the bytes of a saved body; a file that cannot be read is an input error (exit 2).
    static func readBody(_ path: String) -> Result<Data, CommandFailure> {
        do {
            return .success(try SavedBodyFile.read(path))
        } catch {
            return .failure(CommandFailure(message: "cannot read \(path): \(FileProblem.reading(path, error))", status: .invalidInput))
        }
    }
}
