import ArgumentParser
import DashboardCore
import Foundation
import Presentation
import RefreshAPI
import RefreshStore
import RefreshTracking
import TextGrid

/// `ylytic list`: the requests in the local store.
struct ListCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the requests in the local store, newest first.")

    @Option(name: .long, help: "Only requests in this state: pending, succeeded, failed, stale or unknown.")
    var state: String?

    @Option(name: .long, help: "Show the newest N requests (0: all of them).")
    var limit = 100

    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let state, !["pending", "succeeded", "failed", "stale", "unknown"].contains(state) {
            throw ValidationError("--state must be pending, succeeded, failed, stale or unknown")
        }
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more, not \(limit)") }
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        guard let store = try await storage.openForReading(context) else {
            if output.json { context.stdout.line("[]") }
            context.stderr.line("ylytic: no requests yet: there is no store at \((try storage.address(context)))")
            return .succeeded
        }
        let requests: [TrackedRequest]
        let total: Int
        let wanted = state.flatMap(TrackedState.init(rawValue:))
        do {
            requests = try await store.requests(in: wanted, limit: limit == 0 ? nil : limit)
            total = requests.count < limit || limit == 0 ? requests.count : try await store.requestCount(in: wanted)
        } catch {
            return context.fail(CommandFailure(message: "the store failed: \(error)", status: .invalidInput))
        }
        defer {
            if total > requests.count {
                context.stderr.line(
                    "ylytic: the newest \(requests.count) of \(total) requests; --limit N shows more, --limit 0 all")
            }
        }
        if output.json {
            context.stdout.line(JSONOutput.encode(requests.map { ListedRequest($0, now: context.time.now) }))
            return .succeeded
        }
        guard !requests.isEmpty else {
            // No table at all rather than a header over nothing; stderr says why.
            let which = state.map { " \($0)" } ?? ""
            context.stderr.line("ylytic: no\(which) requests in \(store.location)")
            return .succeeded
        }
        output.writer(context).write(Self.table(requests, now: context.time.now, width: context.outputWidth).styledLines())
        return .succeeded
    }

    /// The requests as a table that fits `width`: it drops BY, then FINISHED, then shows SUBMITTED as an age, then
    /// drops NAME, FOLLOWERS and TYPE, before it cuts a target or a state; a request id is always whole.
    static func table(_ requests: [TrackedRequest], now: Date, width: Int?) -> PlainTable {
        PlainTable(
            columns: [
                .init("ID", requests.map { request in request.requestID.map { SafeText.sanitize($0) } ?? "#\(request.id ?? 0)" }),
                .init("TYPE", requests.map(\.requestType)),
                .init("TARGET", requests.map { SafeText.sanitize($0.targetValue) }, cutTo: 12),
                .init("STATE", requests.map { RequestStateText.of($0, now: now) }, cutTo: 9),
                .init(
                    "SUBMITTED", requests.map { Timestamp.text($0.submittedAt) },
                    short: requests.map { Age.ago($0.submittedAt, now: now) }),
                .init("BY", requests.map { SafeText.sanitize($0.submittedBy ?? "") }, cutTo: 8),
                .init("FINISHED", requests.map { $0.finishedAt.map(Timestamp.text) ?? "" }),
                .init("FOLLOWERS", requests.map { $0.followers.map { NumberFormat.compact(Double($0)) } ?? "" }, alignRight: true),
                .init("NAME", requests.map { SafeText.sanitize($0.creatorName ?? "") }, cutTo: 10),
            ],
            maxWidth: width,
            giveWay: [.drop("BY"), .drop("FINISHED"), .shorten("SUBMITTED"), .drop("NAME"), .drop("FOLLOWERS"), .drop("TYPE")])
    }
}

/// A tracked request as `list --json` prints it.
struct ListedRequest: Encodable {
    let requestID: String?
    let localID: Int64?
    let requestType: String
    let target: String
    let state: String
    let detail: String?
    let submittedAt: Date
    let finishedAt: Date?
    let followers: Int?
    let creatorName: String?
    /// The ylytic that polls it now (user@host pid tag); absent when nobody's lease runs.
    let followedBy: String?
    /// Who submitted it (user@host); absent when it was followed by id alone.
    let submittedBy: String?

    init(_ request: TrackedRequest, now: Date) {
        requestID = request.requestID
        localID = request.id
        requestType = request.requestType
        target = request.targetValue
        state = request.state.rawValue
        detail = request.detail
        submittedAt = request.submittedAt
        finishedAt = request.finishedAt
        followers = request.followers
        creatorName = request.creatorName
        followedBy = request.leaseHolder.flatMap { request.isHeld(by: $0, at: now) ? $0.rawValue : nil }
        submittedBy = request.submittedBy
    }

    enum CodingKeys: String, CodingKey {
        case requestID = "request_id", localID = "local_id", requestType = "request_type", target, state, detail
        case submittedAt = "submitted_at", finishedAt = "finished_at", followers, creatorName = "creator_name"
        case followedBy = "followed_by", submittedBy = "submitted_by"
    }
}
