import ArgumentParser
import Foundation
import Presentation
import RefreshTracking
import TextGrid

/// `ylytic roster refresh NAME [--older-than 7d]`: a roster's creators refreshed in bulk.
struct RosterRefreshCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Refresh a roster's creators in bulk and follow them to their end.",
        discussion: """
            Only creators whose figures are older than --older-than (default: the roster's max age, else every \
            creator) are refreshed. Each is submitted once, joined with a request under way or one that succeeded \
            within --fresh-for, at most five POSTs a second; as ylytic refresh --from FILE otherwise (progress, \
            --json, Ctrl-C, exit codes).
            """)

    @Argument(help: "The roster's name.") var name: String
    @Option(
        name: .customLong("older-than"),
        help: ArgumentHelp("Refresh only creators whose figures are older than this (7d, 12h).", valueName: "duration"))
    var olderThan: String?
    @Option(
        name: .customLong("fresh-for"), parsing: .unconditional,
        help: ArgumentHelp("Join a request that succeeded within this long instead of submitting.", valueName: "duration"))
    var freshFor = "1h"
    @Flag(name: .long, help: "Submit new requests even for creators under way or fresh, and beyond a spent budget.")
    var force = false
    @Flag(name: .long, help: "Send without asking, however many creators (a terminal is asked above 20).") var yes = false
    @Flag(name: .long, help: "Leave alone the creators whose earlier POST's outcome is unknown.") var skipUnknown = false
    @Option(name: .long, help: "Stop following after this many seconds (exit 5 when some are still pending).")
    var timeout: Double?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let olderThan { _ = try DurationText.seconds(olderThan, option: "--older-than") }
        try Seconds.check(timeout, option: "--timeout")
        _ = try DurationText.seconds(freshFor, option: "--fresh-for")
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let client = try connection.client(context)
        let store = try await storage.open(context)
        let now = context.time.now
        let members: [RosterMember]
        let roster: Roster
        do {
            guard let found = try await store.roster(named: name) else { throw RosterError.notFound(name) }
            roster = found
            members = try await store.rosterMembers(of: name)
        } catch {
            return context.fail(CommandFailure(rosterStoreError: error, store: store))
        }
        let age = olderThan.flatMap { try? DurationText.seconds($0, option: "--older-than") } ?? roster.maxAge
        let chosen = members.filter { member in age.map { member.isOlder(than: $0, at: now) } ?? true }
        guard !chosen.isEmpty else {
            context.stderr.line(
                members.isEmpty
                    ? "Nothing to refresh: the roster \(SafeText.sanitize(roster.name)) has no creators yet."
                    : "Nothing to refresh: every creator of \(SafeText.sanitize(roster.name)) was refreshed within "
                        + "\(Age.duration(age ?? 0)).")
            if output.json { context.stdout.line(JSONOutput.encode(BulkRefreshRun.SummaryJSON(BulkProgress(total: 0), stopped: false, merged: 0))) }
            return .succeeded
        }
        if !output.json, chosen.count < members.count {
            context.stderr.line("\(chosen.count) of \(members.count) creators are older than \(Age.duration(age ?? 0)).")
        }
        // A creator chosen for being older than `age` is not joined with a refresh younger than that: the fresh
        // window is never longer than the age asked for.
        let freshWindow = min((try? DurationText.seconds(freshFor, option: "--fresh-for")) ?? 3600, age ?? .infinity)
        let targets = chosen.map(\.target)
        let asked: JoinPolicy = force ? .never : .underWayOrFresh(freshFor: freshWindow)
        guard
            let plan = try await BatchConsent(targets: targets, join: asked, yes: yes, skipUnknown: skipUnknown, context: context)
                .settle(store: store)
        else { return .interrupted }
        return await BulkRefreshRun(
            plan: plan, roster: roster.name, budget: force ? .ignored : .enforced, timeout: timeout, json: output.json,
            context: context
        ).run(client: client, store: store)
    }
}
