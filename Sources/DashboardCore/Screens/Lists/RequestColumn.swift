import Foundation
import Presentation
import TextGrid

/// A column of the Requests list; the config file names them (`sort: requests: followers`).
public enum RequestColumn: String, ListColumn, CaseIterable {
    case type, target, name, state, submitted, by, finished, followers

    public var name: String { self == .by ? "who submitted" : rawValue }

    public var sortsAscendingFirst: Bool {
        switch self {
        case .type, .target, .name, .state, .by: true
        case .submitted, .finished, .followers: false
        }
    }

    /// What a row shows in this column at `now`.
    func text(_ row: RequestRow, now: Date) -> String {
        switch self {
        case .type: row.typeName
        case .target: SafeText.sanitize(row.target)
        case .name: SafeText.sanitize(row.creatorName ?? "")
        case .state: RequestStateText.of(row.phase, detail: row.detail, failedPolls: row.failedPolls, submittedAt: row.submittedAt, now: now)
        case .submitted: Age.ago(row.submittedAt, now: now)
        case .by: SafeText.sanitize(row.submittedBy ?? "")
        case .finished: row.finishedAt.map { Age.ago($0, now: now) } ?? ""
        case .followers: row.followers.map { NumberFormat.compact(Double($0)) } ?? ""
        }
    }
}

extension RequestRow: ListRow, TextSearchable {
    public typealias Filter = TextFilter<RequestRow>

    public func sortKey(_ column: RequestColumn) -> SortKey {
        switch column {
        case .type: .text(typeName)
        case .target: .text(target)
        case .name: .text(creatorName)
        case .state: .text(phase.rawValue)
        case .submitted: .number(submittedAt.timeIntervalSince1970)
        case .by: .text(submittedBy)
        case .finished: .number(finishedAt?.timeIntervalSince1970)
        case .followers: .number(followers)
        }
    }

    public func matches(_ query: String) -> Bool {
        target.lowercased().contains(query) || typeName.contains(query) || phase.rawValue.contains(query)
            || (creatorName?.lowercased().contains(query) ?? false) || (requestID?.contains(query) ?? false)
            || (submittedBy?.lowercased().contains(query) ?? false)
    }
}

extension RequestRow {
    /// What is known of a request, a line per fact ("Type       instagram"), for its box and the preview pane.
    func facts(now: Date) -> [String] {
        var lines = [
            "Type       \(typeName)", "Target     \(SafeText.sanitize(target))",
            "Request    \(requestID.map { SafeText.sanitize($0) } ?? "not yet known")",
            "State      \(RequestColumn.state.text(self, now: now))",
            "Submitted  \(Timestamp.text(submittedAt))",
        ]
        if let submittedBy { lines.append("By         \(SafeText.sanitize(submittedBy))") }
        if let finishedAt { lines.append("Finished   \(Timestamp.text(finishedAt))") }
        if let creatorName { lines.append("Creator    \(SafeText.sanitize(creatorName))") }
        if let followers { lines.append("Followers  \(NumberFormat.compact(Double(followers))) (\(NumberFormat.grouped(followers)))") }
        if let detail { lines.append("Detail     \(SafeText.sanitize(detail))") }
        if let nextPollAt, phase.isFollowed {
            let when = nextPollAt > now ? "in " + Age.duration(nextPollAt.timeIntervalSince(now)) : "now"
            lines.append("Next poll  \(when) (\(Timestamp.text(nextPollAt)))")
        }
        if failedPolls > 0 { lines.append("Failed     \(failedPolls) poll\(failedPolls == 1 ? "" : "s") in a row") }
        return lines
    }

    /// Whether the request is being submitted or followed.
    var isUnderWay: Bool { phase == .submitting || phase.isFollowed }
}
