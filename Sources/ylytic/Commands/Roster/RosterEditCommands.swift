import ArgumentParser
import Foundation
import Presentation
import RefreshTracking
import TextGrid

/// `ylytic roster create NAME [TARGET…] [--max-age 7d]`.
struct RosterCreateCommand: YlyticCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Make a roster, empty or with creators.")

    @Argument(help: "The roster's name.") var name: String
    @Argument(help: "Creators to put in it.") var targets: [String] = []
    @OptionGroup var maxAge: MaxAgeOption
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let rosterName = try TypedTargets.name(name)
        let members = try TypedTargets.parse(targets)
        let store = try await storage.open(context)
        do {
            guard try await store.roster(named: name) == nil else { throw RosterError.exists(name) }
            try await store.createRoster(rosterName, maxAge: maxAge.seconds, at: context.time.now)
            if !members.isEmpty { _ = try await store.addToRoster(rosterName, members, at: context.time.now, creating: false) }
        } catch {
            // A create that failed half-way leaves no roster behind.
            if !members.isEmpty { _ = try? await store.deleteRoster(name) }
            return context.fail(CommandFailure(rosterStoreError: error, store: store))
        }
        RosterOutput.changed(
            "Made the roster \(name) with \(members.count) creator\(members.count == 1 ? "" : "s").", name: name,
            created: true, added: members.count, alreadyIn: 0, json: output.json, context)
        return .succeeded
    }
}

/// `ylytic roster add NAME TARGET…`.
struct RosterAddCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add creators to a roster (one already in it is counted, not added twice).")

    @Argument(help: "The roster's name.") var name: String
    @Argument(help: "Creators to add.") var targets: [String]
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let rosterName = try TypedTargets.name(name)
        let members = try TypedTargets.parse(targets)
        let store = try await storage.open(context)
        do {
            let addition = try await store.addToRoster(rosterName, members, at: context.time.now, creating: false)
            let already = addition.alreadyIn > 0 ? " (\(addition.alreadyIn) in it already)" : ""
            RosterOutput.changed(
                "Added \(addition.added) to \(name)\(already).", name: name, created: addition.created, added: addition.added,
                alreadyIn: addition.alreadyIn, json: output.json, context)
            return .succeeded
        } catch {
            return context.fail(CommandFailure(rosterStoreError: error, store: store))
        }
    }
}

/// `ylytic roster remove NAME TARGET…`.
struct RosterRemoveCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove creators from a roster (all or none: one not in it stops the removal).")

    @Argument(help: "The roster's name.") var name: String
    @Argument(help: "Creators to remove.") var targets: [String]
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let members = try TypedTargets.parse(targets)
        let store = try await storage.open(context)
        do {
            try await store.removeFromRoster(name, members)
            RosterOutput.changed(
                "Removed \(members.count) from \(name).", name: name, removed: members.count, json: output.json, context)
            return .succeeded
        } catch {
            return context.fail(CommandFailure(rosterStoreError: error, store: store))
        }
    }
}

/// `ylytic roster max-age NAME DURATION`.
struct RosterMaxAgeCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "max-age", abstract: "Set the age past which a roster's figures are stale (0: never).")

    @Argument(help: "The roster's name.") var name: String
    @Argument(help: ArgumentHelp("7d, 12h, 90m; 0 for never.", valueName: "duration")) var duration: String
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try DurationText.seconds(duration, option: "DURATION")
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let seconds = (try? DurationText.seconds(duration, option: "DURATION")) ?? 0
        let store = try await storage.open(context)
        do {
            try await store.setMaxAge(of: name, to: seconds > 0 ? seconds : nil)
            let what = seconds > 0 ? "older than \(Age.duration(seconds)) are stale" : "never go stale"
            RosterOutput.changed("The figures of \(name) \(what).", name: name, json: output.json, context)
            return .succeeded
        } catch {
            return context.fail(CommandFailure(rosterStoreError: error, store: store))
        }
    }
}

/// `ylytic roster delete NAME`: asks first on a terminal (`--yes` does not), and refuses without `--yes` when there is
/// no terminal to ask on.
struct RosterDeleteCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a roster (its creators' requests and figures stay in the store).",
        discussion: "Asks first, saying how many creators it holds (and, on a team's ledger, that it is the team's); "
            + "--yes deletes without asking, and is needed where no terminal can answer.")

    @Argument(help: "The roster's name.") var name: String
    @Flag(name: .long, help: "Delete without asking.") var yes = false
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let store = try await storage.open(context)
        do {
            guard let roster = try await store.roster(named: name) else { throw RosterError.notFound(name) }
            let shown = SafeText.sanitize(roster.name)
            if !yes {
                guard context.stdinIsTerminal else {
                    return context.fail(
                        CommandFailure(
                            message: "roster delete asks before it deletes; give --yes to delete \(shown) without a terminal",
                            status: .invalidInput))
                }
                let isTeams = if case .ledger = try storage.address(context) { true } else { false }
                let creators = "\(NumberFormat.grouped(roster.memberCount)) creator\(roster.memberCount == 1 ? "" : "s")"
                context.stderr.write(
                    "Delete the roster \(shown) (\(creators)\(isTeams ? "; the team's, for everyone on the ledger" : ""))? "
                        + "Their requests and figures stay. [y/N]: ")
                let answer = (await context.readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
                guard answer == "y" || answer == "yes" else {
                    context.stderr.line("Deleted nothing.")
                    return .interrupted
                }
            }
            guard try await store.deleteRoster(roster.name) else { throw RosterError.notFound(name) }
            RosterOutput.changed("Deleted the roster \(roster.name).", name: roster.name, json: output.json, context)
            return .succeeded
        } catch {
            return context.fail(CommandFailure(rosterStoreError: error, store: store))
        }
    }
}

/// `ylytic roster rename OLD NEW`.
struct RosterRenameCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Rename a roster, keeping its creators and maximum age.")

    @Argument(help: "The roster's name.") var name: String
    @Argument(help: "Its new name.") var newName: String
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let renamed: RosterName
        do {
            renamed = try RosterName(newName)
        } catch {
            return context.fail(CommandFailure(message: SafeText.sanitize(error.description), status: .invalidInput))
        }
        let store = try await storage.open(context)
        do {
            try await store.renameRoster(name, to: renamed)
            RosterOutput.changed(
                "Renamed the roster \(name) to \(renamed.rawValue).", name: renamed.rawValue, json: output.json, context)
            return .succeeded
        } catch {
            return context.fail(CommandFailure(rosterStoreError: error, store: store))
        }
    }
}
