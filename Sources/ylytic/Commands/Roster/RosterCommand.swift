import ArgumentParser
import Foundation
import RefreshAPI
import RefreshTracking
import TextGrid

/// `ylytic roster …`: named lists of creators in the store.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Keep named lists of creators (a campaign's shortlist, a brand's roster) and refresh them together.",
        discussion: """
            A roster lives in the store, so every process and, on a team's ledger, every teammate sees it. Targets \
            are given as for ylytic refresh: @handle, an Instagram or YouTube address, TYPE VALUE, or a bare value \
            (digits: an Instagram user id; UC…: a YouTube channel id; else an Instagram handle). A roster name is \
            one word of letters, digits, '-', '_' and '.'.
            """,
        subcommands: [
            RosterCreateCommand.self, RosterAddCommand.self, RosterRemoveCommand.self, RosterImportCommand.self,
            RosterListCommand.self, RosterShowCommand.self, RosterMaxAgeCommand.self, RosterRenameCommand.self, RosterDeleteCommand.self,
            RosterRefreshCommand.self,
        ])
}

extension CommandFailure {
    /// A failure of the store while working on rosters: a ``RosterError`` as it is, anything else with the
    /// store named; either is invalid input or a store that failed (exit 2).
    init(rosterStoreError error: any Error, store: any TrackingStore) {
        if let error = error as? RosterError {
            self.init(message: SafeText.sanitize(error.description), status: .invalidInput)
        } else {
            self.init(message: "the store \(store.location) failed: \(error)", status: .invalidInput)
        }
    }
}

/// Creators typed on the command line, each read as a line of a list would be (a type name takes the word after
/// it: `instagram alice`); the first bad one is refused, and so is a post, since a roster lists creators.
enum TypedTargets {
    static func parse(_ words: [String]) throws(CommandFailure) -> [RefreshTarget] {
        var targets: [RefreshTarget] = []
        var index = words.startIndex
        while index < words.endIndex {
            var entry = words[index]
            if RequestType(rawValue: entry.lowercased()) != nil, index + 1 < words.endIndex {
                index += 1
                entry += " " + words[index]
            }
            index += 1
            do {
                let target = try RefreshTarget(listEntry: entry)
                try RosterFile.checkIsACreator(target)
                if !targets.contains(target) { targets.append(target) }
            } catch {
                let reason = error.message
                throw CommandFailure(
                    message: "'\(SafeText.visible(entry))': \(SafeText.visible(reason)); nothing was changed",
                    status: .invalidInput)
            }
        }
        return targets
    }

    static func name(_ text: String) throws(CommandFailure) -> RosterName {
        do {
            return try RosterName(text)
        } catch {
            throw CommandFailure(message: SafeText.sanitize(error.description), status: .invalidInput)
        }
    }
}
