import ArgumentParser
import Foundation
import Presentation
import RefreshTracking
import TextGrid

/// `ylytic store copy --from SRC --to DST`: stores as a whole.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work on whole stores: copy a local file into a team's ledger, or back.",
        subcommands: [Copy.self])

    /// `ylytic store copy`.
    struct Copy: YlyticCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy every request, response, creator and snapshot of one store into another.",
            discussion: """
                SRC and DST are each a file or a postgresql:// address, as for --store. Request ids, response bodies \
                and snapshots are kept; what DST has already is left, so running it twice adds nothing twice. \
                Requests the server never answered (no request id) are not copied.
                """)

        @Option(name: .long, help: ArgumentHelp("The store to copy from.", valueName: "path-or-url"))
        var from: String

        @Option(name: .long, help: ArgumentHelp("The store to copy into (created if need be).", valueName: "path-or-url"))
        var to: String

        @OptionGroup var output: OutputOptions

        func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
            let sourceAddress = try StoreAddress.resolve(from, environment: context.environment)
            let destinationAddress = try StoreAddress.resolve(to, environment: context.environment)
            guard sourceAddress.description != destinationAddress.description else {
                return context.fail(CommandFailure(message: "--from and --to are the same store", status: .invalidInput))
            }
            sourceAddress.printWarnings(context)
            destinationAddress.printWarnings(context)
            guard let source = try await sourceAddress.openForReading(now: context.time.now) else {
                return context.fail(CommandFailure(message: "there is no store at \(sourceAddress)", status: .invalidInput))
            }
            let destination = try await destinationAddress.open(now: context.time.now)
            let showsProgress = context.stderrIsTerminal && !output.json
            let report: StoreCopy.Report
            do {
                report = try await StoreCopy.copy(from: source, to: destination) { done, total in
                    if showsProgress, done % 100 == 0 || done == total {
                        context.stderr.write("\r\u{1B}[Kcopying requests: \(done) of \(total)")
                    }
                }
            } catch {
                if showsProgress { context.stderr.write("\n") }
                return context.fail(CommandFailure(message: "the copy stopped: \(error)", status: .invalidInput))
            }
            if showsProgress { context.stderr.write("\r\u{1B}[K") }
            if output.json {
                context.stdout.line(JSONOutput.encode(report))
            } else {
                context.stdout.line(
                    "Copied \(report.requestsAdded) requests (\(report.responsesAdded) with responses) and "
                        + "\(report.snapshotsAdded) snapshots of \(report.creators) creators from \(sourceAddress) "
                        + "to \(destinationAddress).")
                if report.rostersAdded + report.rosterMembersAdded > 0 {
                    context.stdout.line(
                        "Rosters: \(report.rostersAdded) made, \(report.rosterMembersAdded) "
                            + "creator\(report.rosterMembersAdded == 1 ? "" : "s") added to rosters.")
                }
                if !report.rostersRefused.isEmpty {
                    context.stdout.line(
                        "Not copied, since the roster there would hold more than \(Roster.maximumMembers) creators: "
                            + report.rostersRefused.map { SafeText.sanitize($0) }.joined(separator: ", ") + ".")
                }
                if report.requestsUpdated > 0 {
                    context.stdout.line("\(report.requestsUpdated) requests still under way there took the copy's end.")
                }
                if report.requestsPresent > 0 {
                    context.stdout.line("\(report.requestsPresent) requests were there already and were left.")
                }
                if report.requestsWithoutID > 0 {
                    context.stdout.line("\(report.requestsWithoutID) requests never answered by the server were not copied.")
                }
            }
            return .succeeded
        }
    }
}
