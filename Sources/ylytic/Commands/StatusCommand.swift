import DashboardCore
import Foundation
import ArgumentParser
import Presentation
import RefreshAPI
import RefreshStore
import RefreshTracking
import TextGrid

/// `ylytic status ID...`: the current state of each request.
struct StatusCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the current state of requests.",
        discussion: """
            A request the store holds as ended is answered from the store, with no token or network; others are \
            asked of the API (and their answers recorded). A creator or post means its latest request. \
            Exits 0 when all succeeded, 1 when any failed, 5 when any is still pending, and 2, 3 or 4 for errors.

            \(ExitStatus.helpText)
            """)

    @Argument(help: ArgumentHelp(ReferenceArguments.help, valueName: "request-or-creator"))
    var ids: [String]

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("give at least one request id") }
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let references = try ReferenceArguments.read(ids)
        let store = try await storage.openForReading(context)
        // The API is reached only for requests the store cannot answer about; its answers are recorded for
        // requests the store tracks, unless the store is read-only.
        var api: (client: RefreshClient, tracker: RefreshTracker?)?
        var statuses: [ExitStatus] = []
        var results: [RecordJSON] = []
        var rows: [(id: String, state: String, detail: String)] = []
        for reference in references {
            let id: RequestID
            var hint = ""
            do throws(CommandFailure) {
                switch try await ReferenceArguments.find(reference, in: store, wanting: .latestRequest) {
                case .serverOnly(let word):
                    id = word
                    hint = ReferenceArguments.unknownWordHint(word)
                case .stored(let found, let tracked):
                    id = found
                    if let store, let end = try await StoredEnd.read(found, tracked: tracked, in: store) {
                        statuses.append(ExitStatus(end.record.state))
                        results.append(RecordJSON(end.record))
                        rows.append((id.rawValue, end.record.state.name, end.record.state.detail ?? ""))
                        continue
                    }
                }
            } catch {
                statuses.append(error.status)
                results.append(RecordJSON(id: RequestID(reference.description), state: "error", error: error.message))
                rows.append((reference.description, "error", error.message))
                continue
            }
            if api == nil {
                let client = try connection.client(context)
                api = (client, store.flatMap { $0.isReadOnly ? nil : context.tracker(store: $0, client: client, scope: .requested) })
            }
            guard let (client, tracker) = api else { continue }
            do throws(RefreshClientError) {
                let fetched = try await client.fetchWithBody(id)
                let record = fetched.record
                do {
                    try await tracker?.record(fetched)
                } catch {
                    context.stderr.line("ylytic: warning: could not record \(id) in the store: \(error)")
                }
                statuses.append(ExitStatus(record.state))
                results.append(RecordJSON(record))
                rows.append((id.rawValue, record.state.name, record.state.detail ?? ""))
            } catch {
                if case .tokenMissing = error { return context.fail(CommandFailure(error)) }
                if case .tokenRejected = error { return context.fail(CommandFailure(error)) }
                statuses.append(ExitStatus(error))
                results.append(RecordJSON(id: id, state: "error", error: error.description + hint))
                rows.append((id.rawValue, "error", error.description + hint))
            }
        }
        if output.json {
            context.stdout.line(JSONOutput.encode(results))
        } else {
            let idWidth = rows.map { DisplayWidth.of(SafeText.sanitize($0.id)) }.max() ?? 0
            let writer = output.writer(context)
            for row in rows {
                var line = StyledLine(ColumnFit.pad(SafeText.sanitize(row.id), to: idWidth) + "  ")
                line.append(row.state, role: StateRole.role(for: row.state))
                if !row.detail.isEmpty {
                    line.append(String(repeating: " ", count: max(1, 10 - row.state.count)))
                    line.append(SafeText.sanitize(row.detail), role: .dim)
                }
                writer.write(line)
            }
        }
        return ExitStatus.combined(statuses)
    }

}


/// The colour role of a state word.
enum StateRole {
    static func role(for state: String) -> TextRole {
        switch state {
        case "succeeded": .positive
        case "failed", "error": .negative
        case "pending", "unknown", "stale": .warning
        default: .plain
        }
    }
}
