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
        let rows = snapshots.map { snapshot -> [String] in
            defer { previous = snapshot.followers ?? previous }
            var change = ""
            if let now = snapshot.followers, let then = previous {
                change = (now >= then ? "+" : "") + NumberFormat.grouped(now - then)
            }
            return [
                Timestamp.text(snapshot.takenAt), snapshot.followers.map(NumberFormat.grouped) ?? "", change,
                snapshot.engagement.map { NumberFormat.percent($0) } ?? "", snapshot.posts.map(String.init) ?? "",
                SafeText.sanitize(snapshot.tier ?? ""), snapshot.requestID,
            ]
        }
        let table = PlainTable(
            headers: ["REFRESHED", "FOLLOWERS", "CHANGE", "ENGAGEMENT", "POSTS", "TIER", "REQUEST"], rows: rows,
            rightAligned: [1, 2, 3, 4], maxWidth: context.outputWidth, keptWhole: [6])
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
