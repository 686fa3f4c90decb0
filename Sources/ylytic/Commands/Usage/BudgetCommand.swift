import ArgumentParser
import Foundation
import Presentation
import RefreshTracking
import TextGrid

/// `ylytic budget`: the limit on paid refreshes every process using the store keeps to.
struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Show, set or clear the store's limit on paid refreshes (shared by everyone using the store).",
        discussion: """
            A budget such as 500/day, 50/hour or 2000/week is kept in the store, so a team on one ledger shares \
            it. Periods are UTC calendar hours, days and weeks (from Monday). Once a period's budget is spent, every \
            process refuses to submit (exit 6) until the next one; --force on refresh sends beyond it (and is \
            counted).
            """,
        subcommands: [Show.self, Set.self, Clear.self],
        defaultSubcommand: Show.self)

    struct Show: YlyticCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the budget and how much of it is used.")

        @OptionGroup var storage: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
            guard let store = try await storage.openForReading(context) else {
                context.stdout.line(output.json ? "null" : "No budget is set (there is no store yet).")
                return .succeeded
            }
            do {
                guard let budget = try await store.budget() else {
                    context.stdout.line(output.json ? "null" : "No budget is set (ylytic budget set 500/day sets one).")
                    return .succeeded
                }
                let now = context.time.now
                let used = try await store.usage(since: budget.periodStart(containing: now)).reduce(0) { $0 + $1.refreshes }
                let report = UsageReport(counts: [], by: .day, budget: budget, usedInPeriod: used, now: now)
                if output.json {
                    context.stdout.line(JSONOutput.encode(report.json.budget))
                } else {
                    context.stdout.line(report.budgetSentence ?? "")
                }
                return .succeeded
            } catch {
                return context.fail(CommandFailure(message: "the store \(store.location) failed: \(error)", status: .invalidInput))
            }
        }
    }

    struct Set: YlyticCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set the budget, e.g. 500/day, 50/hour or 2000/week.")

        @Argument(help: "Refreshes per hour, day or week.")
        var budget: String

        @OptionGroup var storage: StoreOptions

        func validate() throws {
            do {
                _ = try RefreshBudget(parsing: budget)
            } catch {
                throw ValidationError("'\(SafeText.visible(budget))': \(error.description)")
            }
        }

        func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
            guard let parsed = try? RefreshBudget(parsing: budget) else { return .invalidInput }
            let store = try await storage.open(context)
            do {
                try await store.setBudget(parsed)
            } catch {
                return context.fail(CommandFailure(message: "the store \(store.location) failed: \(error)", status: .invalidInput))
            }
            context.stderr.line("Budget set to \(parsed) for everyone using \(store.location).")
            return .succeeded
        }
    }

    struct Clear: YlyticCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Remove the budget.")

        @OptionGroup var storage: StoreOptions

        func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
            let store = try await storage.open(context)
            do {
                try await store.setBudget(nil)
            } catch {
                return context.fail(CommandFailure(message: "the store \(store.location) failed: \(error)", status: .invalidInput))
            }
            context.stderr.line("No budget for \(store.location) any more.")
            return .succeeded
        }
    }
}
