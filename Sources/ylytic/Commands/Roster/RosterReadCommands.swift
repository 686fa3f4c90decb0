import ArgumentParser
import DashboardCore
import Foundation
import Presentation
import RefreshTracking
import TextGrid

/// `ylytic roster list`: every roster summed up.
struct RosterListCommand: YlyticCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rosters, each summed up.")

    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        guard let store = try await storage.openForReading(context) else {
            if output.json { context.stdout.line("[]") } else { context.stderr.line("No rosters (ylytic roster create NAME makes one).") }
            return .succeeded
        }
        let now = context.time.now
        var listed: [(Roster, RosterSummary)] = []
        do {
            for roster in try await store.rosters() {
                let members = try await store.rosterMembers(of: roster.name)
                listed.append((roster, RosterSummary(members: members, maxAge: roster.maxAge, at: now)))
            }
        } catch {
            return context.fail(CommandFailure(rosterStoreError: error, store: store))
        }
        if output.json {
            context.stdout.line(
                JSONOutput.encode(listed.map { RosterOutput.RosterJSON($0.0, summary: $0.1, members: nil, now: now) }))
            return .succeeded
        }
        guard !listed.isEmpty else {
            context.stderr.line("No rosters (ylytic roster create NAME makes one).")
            return .succeeded
        }
        // On a narrow terminal POSTS/WK goes, then MEDIAN ER, MAX AGE and FOLLOWERS; a roster's name is whole.
        let table = PlainTable(
            columns: [
                .init("ROSTER", listed.map { SafeText.sanitize($0.0.name) }),
                .init("CREATORS", listed.map { String($0.1.creators) }, alignRight: true),
                .init("STALE", listed.map { $0.0.maxAge == nil ? "" : String($0.1.stale) }, alignRight: true),
                // A roster none of whose creators is refreshed has no figures: blank, as its median is.
                .init(
                    "FOLLOWERS", listed.map { $0.1.refreshed == 0 ? "" : NumberFormat.compact(Double($0.1.totalFollowers)) },
                    alignRight: true),
                .init("MEDIAN ER", listed.map { $0.1.medianEngagement.map { NumberFormat.percent($0) } ?? "" }, alignRight: true),
                .init("POSTS/WK", listed.map { $0.1.refreshed == 0 ? "" : NumberFormat.decimal($0.1.postsPerWeek) }, alignRight: true),
                .init("MAX AGE", listed.map { $0.0.maxAge.map(Age.duration) ?? "" }),
            ],
            maxWidth: context.outputWidth,
            giveWay: [.drop("POSTS/WK"), .drop("MEDIAN ER"), .drop("MAX AGE"), .drop("FOLLOWERS")])
        let writer = output.writer(context)
        writer.write(table.styledLines())
        return .succeeded
    }
}

/// `ylytic roster show NAME`: a roster's creators with their latest figures, stale ones marked.
struct RosterShowCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a roster's creators with their latest figures; stale ones are marked.")

    @Argument(help: "The roster's name.") var name: String

    @Option(
        name: .customLong("where"),
        help: ArgumentHelp("Only the creators a query selects, as `ylytic creators --where` takes it.", valueName: "query"))
    var query: String?

    @Flag(name: .long, help: "Write the refreshed creators as CSV (RFC 4180), every field in full, as `ylytic creators --csv`.")
    var csv = false

    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if csv && output.json { throw ValidationError("give --csv or --json, not both") }
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        var selection = CreatorSelectionOptions()
        selection.query = query
        let creatorQuery = try selection.creatorQuery()
        guard let store = try await storage.openForReading(context) else {
            return context.fail(CommandFailure(message: RosterError.notFound(SafeText.sanitize(name)).description, status: .invalidInput))
        }
        let now = context.time.now
        let roster: Roster
        let all: [RosterMember]
        let rosters: QueryContext
        do {
            guard let found = try await store.roster(named: name) else { throw RosterError.notFound(name) }
            roster = found
            all = try await store.rosterMembers(of: name)
            rosters = creatorQuery.isEmpty ? QueryContext(now: now) : try await QueryContext.read(from: store, now: now)
        } catch {
            return context.fail(CommandFailure(rosterStoreError: error, store: store))
        }
        let members = all.filter { member in
            creatorQuery.matches(
                member: member.target, creator: member.creator, rosters: member.creator.map(rosters.rosters(of:)) ?? [],
                isStale: member.isStale(maxAge: roster.maxAge, at: now), now: now)
        }
        if csv {
            let refreshed = members.compactMap { member in
                member.creator.map { CreatorListing($0, isStale: member.isStale(maxAge: roster.maxAge, at: now)) }
            }
            context.stdout.write(CreatorsCSV.text(refreshed))
            if refreshed.count < members.count {
                context.stderr.line("ylytic: \(members.count - refreshed.count) never refreshed, left out: they have no figures yet")
            }
            return .succeeded
        }
        let summary = RosterSummary(members: members, maxAge: roster.maxAge, at: now)
        if output.json {
            context.stdout.line(JSONOutput.encode(RosterOutput.RosterJSON(roster, summary: summary, members: members, now: now)))
            return .succeeded
        }
        let writer = output.writer(context)
        let name = SafeText.sanitize(roster.name)
        let summaryText = RosterOutput.summaryText(summary, maxAge: roster.maxAge, of: all.count)
        if let width = context.outputWidth, DisplayWidth.of(name) + 2 + DisplayWidth.of(summaryText) > width {
            // On a narrow terminal the summary goes under the name, wrapped between its parts.
            writer.write(StyledLine(name, role: .heading))
            var line = ""
            for part in summaryText.components(separatedBy: " · ") {
                if !line.isEmpty, DisplayWidth.of(line) + 3 + DisplayWidth.of(part) > width {
                    writer.write(StyledLine(line, role: .dim))
                    line = ""
                }
                line += (line.isEmpty ? "" : " · ") + part
            }
            if !line.isEmpty { writer.write(StyledLine(line, role: .dim)) }
        } else {
            var title = StyledLine(name, role: .heading)
            title.append("  " + summaryText, role: .dim)
            writer.write(title)
        }
        // On a narrow terminal POSTS/WK goes, then TIER, LATEST and NAME; a creator's handle is whole.
        let table = PlainTable(
            columns: [
                .init("CREATOR", members.map { RosterOutput.targetText($0.target) }),
                .init("NAME", members.map { SafeText.sanitize($0.creator?.name ?? "") }, cutTo: 10),
                .init("FOLLOWERS", members.map { $0.creator?.followers.map(NumberFormat.grouped) ?? "" }, alignRight: true),
                .init("ER", members.map { $0.creator?.engagement.map { NumberFormat.percent($0) } ?? "" }, alignRight: true),
                .init("POSTS/WK", members.map { $0.creator?.contentPerWeek.map { NumberFormat.decimal($0) } ?? "" }, alignRight: true),
                .init("TIER", members.map { SafeText.sanitize($0.creator?.tier ?? "") }),
                .init(
                    "REFRESHED",
                    members.map { FreshnessText.of(refreshedAt: $0.refreshedAt, isStale: $0.isStale(maxAge: roster.maxAge, at: now), now: now) }),
                .init("LATEST", members.map { $0.latest.map { RequestStateText.of($0, now: now) } ?? "" }, cutTo: 9),
            ],
            maxWidth: context.outputWidth,
            giveWay: [.drop("POSTS/WK"), .drop("TIER"), .drop("LATEST"), .drop("NAME")])
        writer.write(table.styledLines { members[$0].isStale(maxAge: roster.maxAge, at: now) ? .warning : .plain })
        return .succeeded
    }
}
