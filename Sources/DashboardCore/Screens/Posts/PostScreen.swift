import Presentation
import RefreshAPI
import TextGrid

/// One post whole, under the title bar of the table it was opened from: its figures, caption, hashtags and links.
public struct PostScreen: Component {
    public let post: Post
    public let title: PostsTitle

    public var context: KeyContext { .post }

    public func offers(_ shared: Shared) -> [Offer] {
        [Offer(.help, "show this help", hint: "help", rank: 1), Offer(.back, "back to the posts", hint: "back to the posts", rank: 0)]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        switch command {
        case .help: .go(.show(.help(Help(context: context, offers: offers(shared)))))
        case .back: .go(.close)
        default: .nothing
        }
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        grid.fill(area)
        title.draw(in: area, into: &grid, shared)
        let body = area.inset(top: 2, bottom: 0, left: 2, right: 1)
        let theme = shared.theme
        var lines: [(String, Style)] = []
        let count = { (value: Int?) in value.map { "\(NumberFormat.compact(Double($0))) (\(NumberFormat.grouped($0)))" } ?? "–" }
        lines.append(("Posted      \(post.postedDate?.description ?? "–")   \(post.sponsored ? "sponsored" : "not sponsored")", theme[.title]))
        lines.append(("Likes       \(count(post.likes))", .plain))
        lines.append(("Comments    \(count(post.comments))", .plain))
        if post.views != nil { lines.append(("Views       \(count(post.views))", .plain)) }
        lines.append(("Engagement  \(post.engagement.map { NumberFormat.percent($0) } ?? "–")", .plain))
        if let code = post.shortcode { lines.append(("Shortcode   \(SafeText.sanitize(code))", theme[.dim])) }
        lines.append(("", .plain))
        for line in ColumnFit.wrap(SafeText.sanitize(post.caption, keepingNewlines: true), to: max(10, body.width - 1)) {
            lines.append((line, .plain))
        }
        lines.append(("", .plain))
        if !post.hashtags.isEmpty { lines.append(("Hashtags    " + SafeText.sanitize(post.hashtags.joined(separator: " ")), theme[.label])) }
        for link in post.externalLinks { lines.append(("Link        " + SafeText.sanitize(link), theme[.link])) }
        if let image = post.imageURL { lines.append(("Image       " + SafeText.sanitize(image), theme[.dim])) }
        for (index, (text, style)) in lines.prefix(body.height).enumerated() {
            grid.put(text, in: body, x: 0, y: index, style: style, ellipsis: shared.glyphs.ellipsis)
        }
    }
}
