import ArgumentParser
import Foundation
import Presentation
import RefreshAPI
import RefreshTracking
import TextGrid

/// `ylytic roster import NAME FILE`: a list of creators from a text file or a CSV.
struct RosterImportCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the creators listed in a file to a roster (made if need be).",
        discussion: """
            FILE is a text file with one creator per line (blank lines and lines starting with # are skipped), or a \
            CSV whose column named handle, url or creator, else its first, holds them. Each bad line is reported \
            with its number and reason, and nothing is imported unless every line is good or --skip-bad is given. \
            A creator given twice, or already in the roster, is counted once. - reads standard input.
            """)

    @Argument(help: "The roster's name.") var name: String
    @Argument(help: ArgumentHelp("The file.", valueName: "file")) var path: String
    @Flag(name: .customLong("skip-bad"), help: "Import the good lines even when some are bad.") var skipBad = false
    @OptionGroup var maxAge: MaxAgeOption
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let rosterName = try TypedTargets.name(name)
        let file = try RosterFileInput.read(
            path, skippingBad: skipBad, creatorsOnly: true, json: output.json,
            refusal: "nothing was imported (--skip-bad imports the good ones)", context)
        let store = try await storage.open(context)
        let addition: RosterAddition
        do {
            addition = try await store.addToRoster(rosterName, file.targets, at: context.time.now, creating: true)
            if maxAge.isGiven { try await store.setMaxAge(of: name, to: maxAge.seconds) }
        } catch {
            return context.fail(CommandFailure(rosterStoreError: error, store: store))
        }
        if output.json {
            context.stdout.line(
                JSONOutput.encode(
                    ImportJSON(
                        roster: name, created: addition.created, added: addition.added, alreadyIn: addition.alreadyIn,
                        duplicates: file.duplicates, badLines: file.problems.map(\.line))))
        } else {
            var parts = ["\(addition.added) added"]
            if addition.alreadyIn > 0 { parts.append("\(addition.alreadyIn) in it already") }
            if file.duplicates > 0 { parts.append("\(file.duplicates) duplicate\(file.duplicates == 1 ? "" : "s") merged") }
            if !file.problems.isEmpty { parts.append("\(file.problems.count) bad line\(file.problems.count == 1 ? "" : "s") skipped") }
            context.stderr.line(
                "\(addition.created ? "Made" : "Imported into") \(name) from \(path == "-" ? "standard input" : SafeText.sanitize(path)): "
                    + parts.joined(separator: ", ") + ".")
        }
        return .succeeded
    }

    struct ImportJSON: Encodable {
        let roster: String
        let created: Bool
        let added: Int
        let alreadyIn: Int
        let duplicates: Int
        let badLines: [Int]

        enum CodingKeys: String, CodingKey {
            case roster, created, added, alreadyIn = "already_in", duplicates, badLines = "bad_lines"
        }
    }
}

/// A list of creators read from a file named on the command line (or standard input, as `-`).
enum RosterFileInput {
    /// The list in `path` (standard input for `-`); its bad lines are reported, and unless `skipBad` the command
    /// stops there, saying `refusal` of what it did not do.
    static func read(
        _ path: String, skippingBad skipBad: Bool, creatorsOnly: Bool = false, json: Bool, refusal: String,
        _ context: CommandContext
    ) throws(CommandFailure) -> RosterFile {
        let file = try read(path, creatorsOnly: creatorsOnly, context)
        guard !file.problems.isEmpty else { return file }
        report(file.problems, path: path, json: json, context)
        guard skipBad else {
            throw CommandFailure(
                message: "\(file.problems.count) bad line\(file.problems.count == 1 ? "" : "s") in \(SafeText.sanitize(path)); "
                    + refusal,
                status: .invalidInput)
        }
        return file
    }

    private static func read(_ path: String, creatorsOnly: Bool, _ context: CommandContext) throws(CommandFailure)
        -> RosterFile
    {
        let data: Data
        do {
            // Read up to one byte past the largest list, so that an endless file (/dev/zero) is refused, not read.
            let handle = path == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { if path != "-" { try? handle.close() } }
            data = try handle.read(upToCount: RosterFile.maximumSize + 1) ?? Data()
        } catch {
            throw CommandFailure(
                message: "cannot read \(SafeText.sanitize(path)): \(FileProblem.reading(path, error))", status: .invalidInput)
        }
        do {
            return try RosterFile.read(data, name: path == "-" ? "standard input" : path, creatorsOnly: creatorsOnly)
        } catch {
            throw CommandFailure(message: SafeText.sanitize(error.description), status: .invalidInput)
        }
    }

    private struct BadLineJSON: Encodable {
        let file: String
        let line: Int
        let reason: String
    }

    /// Every bad line with its number and reason, on stderr (as JSON objects with `--json`).
    private static func report(_ problems: [RosterFile.Problem], path: String, json: Bool, _ context: CommandContext) {
        for problem in problems {
            if json {
                context.stderr.line(JSONOutput.encode(BadLineJSON(file: path, line: problem.line, reason: problem.reason)))
            } else {
                context.stderr.line("\(SafeText.visible(path)):\(problem.line): \(SafeText.visible(problem.reason))")
            }
        }
    }
}
