import ArgumentParser
import DashboardConfig
import DashboardCore
import Foundation
import Presentation
import TextGrid

/// `ylytic config path|show|check`: the dashboard's config file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Where the dashboard's config file is, the settings in force, and what is wrong with it.",
        discussion: """
            The file is $XDG_CONFIG_HOME/ylytic/config.yml (~/.config/ylytic/config.yml), in YAML: keys per screen \
            (list, creator, posts, post, roster, compare), colours by role (theme), the sort of each table (requests, creators, posts), \
            saved views of the creators (views: each with a name, a query, a sort and columns), preview: true|false, mouse: true|false, notify: bell|osc|osc777|off, confirm_above: N. \
            See ylytic config show for every setting and its name.
            """,
        subcommands: [Path.self, Show.self, Check.self])

    /// `ylytic config path`.
    struct Path: YlyticCommand {
        static let configuration = CommandConfiguration(commandName: "path", abstract: "Print where the config file is (or would be).")

        func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
            context.stdout.line(LoadedConfig(environment: context.environment).file.path)
            return .succeeded
        }
    }

    /// `ylytic config show`.
    struct Show: YlyticCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print every setting in force and where it comes from (the file's line, or the default).")

        @OptionGroup var output: OutputOptions

        func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
            let config = LoadedConfig(environment: context.environment)
            let settings = SettingList(config.reading.settings).entries.map { entry in
                ShownSetting(
                    setting: entry.path, value: entry.value,
                    origin: config.reading.lines[entry.path].map { "\(config.file.lastPathComponent) line \($0)" } ?? "default")
            }
            if output.json {
                context.stdout.line(JSONOutput.encode(settings))
            } else {
                // A table on a terminal names any control a value holds; --json carries the values as they are.
                let rows = settings.map { [SafeText.visible($0.setting), SafeText.visible($0.value), $0.origin] }
                for line in PlainTable.whole(headers: ["SETTING", "VALUE", "FROM"], rows: rows).lines() { context.stdout.line(line) }
            }
            if !config.reading.problems.isEmpty {
                context.stderr.line("ylytic: \(config.reading.problems.count) problem(s) in \(config.file.path): ylytic config check")
            }
            return .succeeded
        }
    }

    /// `ylytic config check`.
    struct Check: YlyticCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: "Print every problem of the config file with its line and setting; exit 2 if there is one.")

        @OptionGroup var output: OutputOptions

        func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
            let config = LoadedConfig(environment: context.environment)
            let problems = config.reading.problems
            if output.json {
                context.stdout.line(JSONOutput.encode(CheckResult(file: config.file.path, exists: config.exists, problems: problems.map(ShownProblem.init))))
            } else if !config.exists {
                context.stdout.line("No config file at \(config.file.path): the standard settings are in force.")
            } else if problems.isEmpty {
                context.stdout.line("\(config.file.path): no problems.")
            } else {
                for problem in problems { context.stdout.line("\(config.file.path): \(SafeText.visible(problem.description))") }
            }
            return problems.isEmpty ? .succeeded : .invalidInput
        }
    }
}

/// A setting as `config show` prints it.
private struct ShownSetting: Encodable {
    let setting: String
    let value: String
    let origin: String
}

/// What `config check --json` prints.
private struct CheckResult: Encodable {
    let file: String
    let exists: Bool
    let problems: [ShownProblem]
}

private struct ShownProblem: Encodable {
    let line: Int?
    let setting: String
    let message: String

    init(_ problem: ConfigProblem) {
        line = problem.line
        setting = problem.key
        message = problem.message
    }
}

/// Every setting of the dashboard with its value as the config file writes it.
private struct SettingList {
    let entries: [(path: String, value: String)]

    init(_ settings: DashboardSettings) {
        var entries: [(String, String)] = []
        for context in KeyContext.allCases {
            for command in context.commands {
                let keys = settings.bindings.keys(for: command, in: context).map(\.configName)
                entries.append(("keys.\(context.rawValue).\(command.rawValue)", keys.count == 1 ? keys[0] : "[\(keys.joined(separator: ", "))]"))
            }
        }
        for role in ThemeRole.allCases { entries.append(("theme.\(role.rawValue)", ColorName.write(settings.theme[role]))) }
        let direction = { (ascending: Bool) in ascending ? "asc" : "desc" }
        entries.append(("sort.requests", "\(settings.requestsSort.column.rawValue) \(direction(settings.requestsSort.ascending))"))
        entries.append(("sort.creators", "\(settings.creatorsSort.column.rawValue) \(direction(settings.creatorsSort.ascending))"))
        entries.append(("sort.posts", "\(settings.postsSort.column.rawValue) \(direction(settings.postsSort.ascending))"))
        for view in settings.views {
            let parts = [
                view.query.isEmpty ? nil : "query: \(view.query)", view.sort.map { "sort: \($0.text)" },
                view.columns.isEmpty ? nil : "columns: [\(view.columns.map(\.rawValue).joined(separator: ", "))]",
            ]
            entries.append(("views.\(view.name)", "{\(parts.compactMap { $0 }.joined(separator: ", "))}"))
        }
        entries.append(("preview", settings.preview ? "true" : "false"))
        entries.append(("mouse", settings.mouse ? "true" : "false"))
        entries.append(("notify", settings.notify.rawValue))
        entries.append(("confirm_above", String(settings.confirmAbove)))
        self.entries = entries
    }
}
