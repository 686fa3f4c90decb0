import RefreshAPI
import TextGrid

/// A refresh's posts as CSV (RFC 4180): a header row, one row per post, fields
/// quoted when they hold a comma, a quote or a line break. Control characters and
/// escape sequences are removed; line breaks inside captions are kept.
public enum PostsCSV {
    public static let header = [
        "kind", "shortcode", "posted_date", "likes", "comments", "views", "engagement", "sponsored", "hashtags",
        "external_links", "caption",
    ]

    public static func text(_ posts: Posts) -> String {
        var lines = [row(header)]
        for (post, kind) in posts.video.map({ ($0, "video") }) + posts.nonVideo.map({ ($0, "photo") }) {
            lines.append(
                row([
                    kind, post.shortcode ?? "", post.postedDate?.description ?? "", post.likes.map(String.init) ?? "",
                    post.comments.map(String.init) ?? "", post.views.map(String.init) ?? "",
                    post.engagement.map { String($0) } ?? "", post.sponsored ? "true" : "false",
                    post.hashtags.joined(separator: " "), post.externalLinks.joined(separator: " "), post.caption,
                ]))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    public static func field(_ raw: String) -> String {
        let text = SafeText.sanitize(raw, keepingNewlines: true)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
