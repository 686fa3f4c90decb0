import DashboardCore
import Foundation
import Presentation
import RefreshAPI
import RefreshTracking
import TextGrid

/// How roster commands report what they did and what a roster holds, as text or `--json`.
enum RosterOutput {
    /// A change made: a sentence on stderr, or its figures as one JSON object on stdout.
    static func changed(
        _ sentence: String, name: String, created: Bool? = nil, added: Int? = nil, alreadyIn: Int? = nil,
        removed: Int? = nil, json: Bool, _ context: CommandContext
    ) {
        if json {
            context.stdout.line(
                JSONOutput.encode(Change(roster: name, created: created, added: added, alreadyIn: alreadyIn, removed: removed)))
        } else {
            context.stderr.line(SafeText.sanitize(sentence))
        }
    }

    /// The target as a person would type it again: @handle for a handle, else TYPE VALUE.
    static func targetText(_ target: RefreshTarget) -> String {
        SafeText.sanitize(target.type == .instagram ? "@" + target.value : target.description)
    }

    /// The summary as one line: "3 creators · 1 stale (max age 7d) · 12.0k followers · …"; "3 of 10 creators" when a
    /// query chose them among `all`.
    static func summaryText(_ summary: RosterSummary, maxAge: TimeInterval?, of all: Int? = nil) -> String {
        let of = all.flatMap { $0 == summary.creators ? nil : " of \(NumberFormat.grouped($0))" } ?? ""
        var parts = ["\(NumberFormat.grouped(summary.creators))\(of) creator\(summary.creators == 1 && of.isEmpty ? "" : "s")"]
        if let maxAge {
            parts.append("\(summary.stale) stale (max age \(Age.duration(maxAge)))")
        } else if summary.refreshed < summary.creators {
            parts.append("\(summary.creators - summary.refreshed) never refreshed")
        }
        // Figures only when some creator has them.
        if summary.refreshed > 0 {
            parts.append("\(NumberFormat.compact(Double(summary.totalFollowers))) followers")
            if let median = summary.medianEngagement { parts.append("median ER \(NumberFormat.percent(median))") }
            parts.append("\(NumberFormat.decimal(summary.postsPerWeek)) posts/wk")
        }
        if !summary.tiers.isEmpty {
            parts.append(summary.tiers.map { "\(SafeText.sanitize($0.name)) \($0.count)" }.joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    struct Change: Encodable {
        let roster: String
        /// Whether the roster was made by this command (as `roster import --json` says too).
        let created: Bool?
        let added: Int?
        let alreadyIn: Int?
        let removed: Int?

        enum CodingKeys: String, CodingKey {
            case roster, created, added, alreadyIn = "already_in", removed
        }
    }

    /// A roster as `roster list --json` and `roster show --json` print it.
    struct RosterJSON: Encodable {
        let name: String
        let maxAgeSeconds: Double?
        let createdAt: Date
        let creators: Int
        let refreshed: Int
        let stale: Int
        let totalFollowers: Int
        let medianEngagement: Double?
        let postsPerWeek: Double
        let tiers: [String: Int]
        let members: [MemberJSON]?

        init(_ roster: Roster, summary: RosterSummary, members: [RosterMember]?, now: Date) {
            name = roster.name
            maxAgeSeconds = roster.maxAge
            createdAt = roster.createdAt
            creators = summary.creators
            refreshed = summary.refreshed
            stale = summary.stale
            totalFollowers = summary.totalFollowers
            medianEngagement = summary.medianEngagement
            postsPerWeek = summary.postsPerWeek
            tiers = Dictionary(uniqueKeysWithValues: summary.tiers.map { ($0.name, $0.count) })
            self.members = members?.map { MemberJSON($0, maxAge: roster.maxAge, now: now) }
        }

        enum CodingKeys: String, CodingKey {
            case name, maxAgeSeconds = "max_age_seconds", createdAt = "created_at", creators, refreshed, stale
            case totalFollowers = "total_followers", medianEngagement = "median_engagement"
            case postsPerWeek = "posts_per_week", tiers, members
        }
    }

    struct MemberJSON: Encodable {
        let requestType: String
        let target: String
        let name: String?
        let handle: String?
        let followers: Int?
        let engagement: Double?
        let postsPerWeek: Double?
        let tier: String?
        let refreshedAt: Date?
        let stale: Bool
        let latestRequestID: String?
        let latestState: String?

        init(_ member: RosterMember, maxAge: TimeInterval?, now: Date) {
            requestType = member.target.type.rawValue
            target = member.target.value
            name = member.creator?.name
            handle = member.creator?.handle
            followers = member.creator?.followers
            engagement = member.creator?.engagement
            postsPerWeek = member.creator?.contentPerWeek
            tier = member.creator?.tier
            refreshedAt = member.refreshedAt
            stale = member.isStale(maxAge: maxAge, at: now)
            latestRequestID = member.latest?.requestID
            latestState = member.latest?.state.rawValue
        }

        enum CodingKeys: String, CodingKey {
            case requestType = "request_type", target, name, handle, followers, engagement
            case postsPerWeek = "posts_per_week", tier, refreshedAt = "refreshed_at", stale
            case latestRequestID = "latest_request_id", latestState = "latest_state"
        }
    }
}
