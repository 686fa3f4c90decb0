import RefreshAPI
import TextGrid

/// A refresh's posts as CSV (``CSV``): a header row, one row per post; line breaks inside captions are kept.
public enum PostsCSV {
    public static let header = [
        "kind", "shortcode", "posted_date", "likes", "comments", "views", "engagement", "sponsored", "hashtags",
        "external_links", "caption",
    ]

    public static func text(_ posts: Posts) -> String {
        var lines = [CSV.row(header)]
        for (post, kind) in posts.video.map({ ($0, "video") }) + posts.nonVideo.map({ ($0, "photo") }) {
            lines.append(
                CSV.row([
                    kind, post.shortcode ?? "", post.postedDate?.description ?? "", post.likes.map(String.init) ?? "",
                    post.comments.map(String.init) ?? "", post.views.map(String.init) ?? "",
                    post.engagement.map { String($0) } ?? "", post.sponsored ? "true" : "false",
                    post.hashtags.joined(separator: " "), post.externalLinks.joined(separator: " "), post.caption,
                ]))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
