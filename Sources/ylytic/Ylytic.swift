import ArgumentParser
import Foundation
import RefreshAPI
import TextGrid

/// The `ylytic` command: argument parsing and wiring of the subcommands.
@main
struct Ylytic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ylytic",
        abstract: "Submit and follow Ylytic Data Refresh requests, and read creators in the terminal.",
        discussion: """
            Configuration: the token comes from --token-file PATH, YLYTIC_TOKEN, or $XDG_CONFIG_HOME/ylytic/token \
            (~/.config/ylytic/token) \
            (mode 600); the API from --base-url or YLYTIC_BASE_URL.

            \(ExitStatus.helpText)
            """,
        version: YlyticVersion.current,
        subcommands: [
            DashCommand.self, DemoCommand.self, OpenCommand.self, RefreshCommand.self, StatusCommand.self, ShowCommand.self, WatchCommand.self, ListCommand.self,
            HistoryCommand.self, CreatorsCommand.self, ForgetCommand.self, ExportCommand.self, RosterCommand.self, StoreCommand.self, SimulateCommand.self,
            UsageCommand.self, BudgetCommand.self, ConfigCommand.self,
        ],
        defaultSubcommand: DashCommand.self
    )

    static func main() async {
        LargeAllocations.returnToTheSystemWhenFreed()
        let status = await run(Array(CommandLine.arguments.dropFirst()), context: .live())
        Foundation.exit(status)
    }

    /// Parses `arguments` and runs the command they name; returns the exit code.
    static func run(_ arguments: [String], context: CommandContext) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if let command = command as? any YlyticCommand {
                do throws(CommandFailure) {
                    return try await command.execute(context).rawValue
                } catch {
                    return context.fail(error).rawValue
                }
            }
            try command.run()
            return ExitStatus.succeeded.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                context.stdout.line(message)
                return ExitStatus.succeeded.rawValue
            }
            // A parse error quotes the arguments as typed.
            context.stderr.line(SafeText.visible(message))
            return code == .validationFailure ? ExitStatus.invalidInput.rawValue : code.rawValue
        }
    }
}

/// A subcommand run with an explicit context, returning its exit status; a thrown
/// failure is printed as `ylytic: message` and exits with its status.
protocol YlyticCommand: ParsableCommand {
    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus
}

extension CommandContext {
    /// Prints a failure as `ylytic: message` on stderr and returns its status.
    func fail(_ failure: CommandFailure) -> ExitStatus {
        // A failure may quote what was typed or read from a file: nothing in it reaches the terminal as a control.
        stderr.line("ylytic: " + SafeText.visible(failure.message))
        return failure.status
    }
}
