import ArgumentParser
import DashboardCore
import Foundation
import Presentation
import RefreshAPI

/// `ylytic show ID` or `ylytic show --file PATH`: a readable report of a refresh.
struct ShowCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a report of a finished refresh: profile, growth, trends and top posts.",
        discussion: """
            Reads the request from the API by id, or a saved GET response body with --file (no token needed). \
            Exits by the state of the refresh: 0 succeeded, 1 failed, 5 pending.

            \(ExitStatus.helpText)
            """)

    @Argument(help: "A request id.")
    var id: String?

    @Option(name: .long, help: "Read a saved response body (the JSON a GET returns) instead of calling the API.")
    var file: String?

    @Option(name: .long, help: "How many top posts to list.")
    var posts = 10

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (id == nil) != (file == nil) else { throw ValidationError("give either a request id or --file PATH") }
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
            let client = try connection.client(context)
            do {
                record = try await client.fetch(RequestID(typed: id!))
            } catch {
                return context.fail(CommandFailure(error))
            }
        }
        if output.json {
            context.stdout.line(JSONOutput.encode(RecordJSON(record)))
        } else {
            let writer = output.writer(context)
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
