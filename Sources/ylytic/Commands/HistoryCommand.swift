import ArgumentParser
import DashboardCore
import Foundation
import Presentation
import RefreshStore
import RefreshTracking
import TextGrid

/// `ylytic history CREATOR`: a creator's snapshots over time.
struct HistoryCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a creator's figures at each refresh in the local store.",
        discussion: """
            CREATOR is a handle (with or without @), a pasted profile address, TYPE VALUE, a channel or user id, a \
            full name, or the id of a request that refreshed the creator.
            """)

    @Argument(help: "The creator.")
    var creator: [String]

    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let references = try ReferenceArguments.read(creator)
        guard references.count == 1, let reference = references.first else {
            return context.fail(CommandFailure(message: "give one creator", status: .invalidInput))
        }
        guard let store = try await storage.openForReading(context) else {
            return context.fail(
                CommandFailure(
                    message: "no creator \(SafeText.sanitize(reference.description)): there is no store at "
                        + "\((try storage.address(context))) yet",
                    status: .invalidInput))
        }
        let found = try await ReferenceArguments.findCreator(reference, in: store)
        let snapshots: [CreatorSnapshot]
        do {
            snapshots = try await store.history(of: found)
        } catch {
            return context.fail(CommandFailure(message: "the store failed: \(error)", status: .invalidInput))
        }
        if output.json {
            context.stdout.line(JSONOutput.encode(snapshots.map(HistoryEntry.init)))
            return .succeeded
        }
        let writer = output.writer(context)
        var title = StyledLine(SafeText.sanitize(found.name ?? found.key), role: .heading)
        title.append("  \(found.platform) \(SafeText.sanitize(found.handle.map { "@" + $0 } ?? found.key))", role: .dim)
        writer.write(title)
        var previous: Int?
        let changes = snapshots.map { snapshot -> String in
            defer { previous = snapshot.followers ?? previous }
            guard let now = snapshot.followers, let then = previous else { return "" }
            return (now >= then ? "+" : "") + NumberFormat.grouped(now - then)
        }
        // On a narrow terminal TIER goes, then POSTS, then the date loses its year, then CHANGE and the request id.
        let table = PlainTable(
            columns: [
                .init(
                    "REFRESHED", snapshots.map { Timestamp.text($0.takenAt) },
                    short: snapshots.map { Timestamp.short($0.takenAt, now: context.time.now) }),
                .init("FOLLOWERS", snapshots.map { $0.followers.map(NumberFormat.grouped) ?? "" }, alignRight: true),
                .init("CHANGE", changes, alignRight: true),
                .init("ENGAGEMENT", snapshots.map { $0.engagement.map { NumberFormat.percent($0) } ?? "" }, alignRight: true),
                .init("POSTS", snapshots.map { $0.posts.map(String.init) ?? "" }, alignRight: true),
                .init("TIER", snapshots.map { SafeText.sanitize($0.tier ?? "") }),
                .init("REQUEST", snapshots.map { SafeText.sanitize($0.requestID) }),
            ],
            maxWidth: context.outputWidth,
            giveWay: [.drop("TIER"), .drop("POSTS"), .shorten("REFRESHED"), .drop("CHANGE"), .drop("REQUEST")])
        writer.write(table.styledLines())
        return .succeeded
    }
}

/// A snapshot as `history --json` prints it.
struct HistoryEntry: Encodable {
    let takenAt: Date
    let requestID: String
    let followers: Int?
    let following: Int?
    let posts: Int?
    let engagement: Double?
    let tier: String?

    init(_ snapshot: CreatorSnapshot) {
        takenAt = snapshot.takenAt
        requestID = snapshot.requestID
        followers = snapshot.followers
        following = snapshot.following
        posts = snapshot.posts
        engagement = snapshot.engagement
        tier = snapshot.tier
    }

    enum CodingKeys: String, CodingKey {
        case takenAt = "taken_at", requestID = "request_id", followers, following, posts, engagement, tier
    }
}
