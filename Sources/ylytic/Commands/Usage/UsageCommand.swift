import ArgumentParser
import Foundation
import Presentation
import RefreshTracking
import TextGrid

/// `ylytic usage`: the paid refreshes sent through this store, by day, person or roster.
struct UsageCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Count the paid refreshes sent through the store, by day, person or roster.",
        discussion: """
            Every POST is counted when it is sent (one whose outcome is unknown too, since it may have cost), by \
            UTC day, by who sent it (user@host) and by the roster it was sent for; forgetting a request does not \
            take it off. With a budget set (ylytic budget set 500/day), the line under the table says how much of \
            this period is used.
            """)

    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case day, person, roster
    }

    @Option(name: .long, help: "Count from this long ago (e.g. 7d, 24h).")
    var since = "30d"

    @Option(name: .long, help: "Count by day, person or roster.")
    var by: Grouping = .day

    @Flag(name: .long, help: "Print CSV instead of a table.")
    var csv = false

    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if csv && output.json { throw ValidationError("give --csv or --json, not both") }
        _ = try DurationText.seconds(since, option: "--since")
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let window = (try? DurationText.seconds(since, option: "--since")) ?? 30 * 86_400
        // Refreshes are counted by the hour: from the start of the hour the window begins in.
        let from = RefreshBudget(limit: 0, period: .hour).periodStart(containing: context.time.now.addingTimeInterval(-window))
        guard let store = try await storage.openForReading(context) else {
            return write(UsageReport(counts: [], by: by, budget: nil, usedInPeriod: 0, now: context.time.now), from: from, context)
        }
        do {
            let budget = try await store.budget()
            let periodStart = budget?.periodStart(containing: context.time.now) ?? context.time.now
            let counts = try await store.usage(since: min(from, periodStart))
            let used = counts.filter { $0.hour >= periodStart }.reduce(0) { $0 + $1.refreshes }
            return write(
                UsageReport(counts: counts.filter { $0.hour >= from }, by: by, budget: budget, usedInPeriod: used, now: context.time.now),
                from: from, context)
        } catch {
            return context.fail(CommandFailure(message: "the store \(store.location) failed: \(error)", status: .invalidInput))
        }
    }

    private func write(_ report: UsageReport, from: Date, _ context: CommandContext) -> ExitStatus {
        if output.json {
            context.stdout.line(JSONOutput.encode(report.json))
        } else if csv {
            context.stdout.line(CSV.row([by.rawValue, "refreshes"]))
            for row in report.rows { context.stdout.line(CSV.row([row.key, String(row.refreshes)])) }
        } else {
            let writer = output.writer(context)
            if report.rows.isEmpty {
                writer.write(StyledLine("No paid refreshes since \(Timestamp.text(from)).", role: .dim))
            } else {
                let table = PlainTable(
                    columns: [
                        .init(by.rawValue.uppercased(), report.rows.map { SafeText.sanitize($0.key) }),
                        .init("REFRESHES", report.rows.map { NumberFormat.grouped($0.refreshes) }, alignRight: true),
                    ],
                    maxWidth: context.outputWidth, giveWay: [])
                writer.write(table.styledLines())
                writer.write(StyledLine("Total \(NumberFormat.grouped(report.total))", role: .dim))
            }
            if let sentence = report.budgetSentence { writer.write(StyledLine(sentence)) }
        }
        return .succeeded
    }
}
