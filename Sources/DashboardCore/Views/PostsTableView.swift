import Presentation
import RefreshAPI
import TextGrid

/// Draws the posts of a creator page: a table of one kind of post, or one post whole,
/// under a title bar with the creator's handle and a tab per kind, over a status bar.
struct PostsTableView {
    let state: DashboardState

    /// The posts table in `area`.
    func draw(_ view: PostsView, handle: String, in area: Rect, into grid: inout Grid) {
        grid.fill(area)
        drawTitle(view, handle: handle, in: area, into: &grid)
        drawTable(view, in: area.inset(top: 1, bottom: 2), into: &grid)
        let hint: String
        if view.isEditingFilter || !view.filter.isEmpty {
            let cursor = (state.ascii ? Frame.ascii : Frame.unicode).cursor
            hint = " /" + SafeText.sanitize(view.isEditingFilter ? view.filterField.showing(cursor: cursor) : view.filter)
                + "  caption or hashtag"
        } else {
            hint = HintBar.line(for: state, width: area.width)
        }
        drawStatus(hint, in: area, into: &grid)
    }

    /// One post whole in `area`, under the same title bar as the table it was opened from.
    func draw(_ post: Post, from view: PostsView, handle: String, in area: Rect, into grid: inout Grid) {
        grid.fill(area)
        drawTitle(view, handle: handle, in: area, into: &grid)
        drawPost(post, in: area.inset(top: 2, bottom: 1, left: 2, right: 1), into: &grid)
        drawStatus(HintBar.line(for: state, width: area.width), in: area, into: &grid)
    }

    private var ellipsis: String { state.ascii ? "~" : "…" }

    private func drawTitle(_ view: PostsView, handle: String, in area: Rect, into grid: inout Grid) {
        var x = grid.put(" ylytic ", in: area, x: 0, y: 0, style: state.theme[.title])
        let counts = view.counts
        let tabs = [(true, "Videos", counts.videos), (false, "Posts", counts.others)].map { ($0, " \($1) \($2) ") }
        let tabsWidth = tabs.reduce(0) { $0 + 1 + DisplayWidth.of($1.1) }
        let handleRoom = max(4, area.width - x - 1 - tabsWidth)
        x = grid.put(" " + SafeText.sanitize(handle) + " ", in: area.inset(right: max(0, area.width - x - 1 - handleRoom)), x: x + 1, y: 0,
                     style: state.theme[.dim], ellipsis: ellipsis)
        for (isVideo, label) in tabs {
            x = grid.put(label, in: area, x: x + 1, y: 0, style: isVideo == view.showsVideos ? state.theme[.activeTab] : state.theme[.tab],
                         ellipsis: ellipsis)
        }
        if view.sponsoredOnly { grid.put("  sponsored only", in: area, x: x, y: 0, style: state.theme[.warning]) }
    }

    private func drawStatus(_ hint: String, in area: Rect, into grid: inout Grid) {
        let bar = area.row(area.height - 1)
        grid.fill(bar, with: Cell(" ", style: state.theme[.statusBar]))
        grid.put(hint, in: bar, x: 0, y: 0, style: state.theme[.statusBar], ellipsis: ellipsis)
    }

    /// The columns that fit a width: the counts, then (from 100 columns) whether sponsored and the hashtags,
    /// and the caption in what is left.
    private static func columns(forWidth width: Int, videos: Bool) -> [PostColumn] {
        var columns: [PostColumn] = [.date, .likes]
        if width >= 60 { columns += videos ? [.comments, .views] : [.comments] }
        columns.append(.engagement)
        if width >= 100 { columns += [.sponsored, .hashtags] }
        return columns + [.caption]
    }

    private func drawTable(_ view: PostsView, in area: Rect, into grid: inout Grid) {
        let shown = view.shown
        let columns = Self.columns(forWidth: area.width, videos: view.showsVideos)
        let table = Table(
            columns: columns.map(\.tableColumn), rowCount: view.order.count, scroll: view.scroll, selection: view.selection,
            sorted: columns.firstIndex { $0.sort == view.sort }.map { ($0, view.ascending) }, glyphs: state.ascii ? .ascii : .unicode, theme: state.theme,
            emptyText: view.filter.isEmpty && !view.sponsoredOnly ? "No posts of this kind." : "No post matches.")
        table.draw(in: area, into: &grid) { position in
            let post = shown[view.order[position]]
            return columns.map { $0.cell(post, theme: state.theme) }
        }
    }

    private func drawPost(_ post: Post, in area: Rect, into grid: inout Grid) {
        var lines: [(String, Style)] = []
        let count = { (value: Int?) in value.map { "\(NumberFormat.compact(Double($0))) (\(NumberFormat.grouped($0)))" } ?? "–" }
        lines.append(("Posted      \(post.postedDate?.description ?? "–")   \(post.sponsored ? "sponsored" : "not sponsored")", state.theme[.title]))
        lines.append(("Likes       \(count(post.likes))", .plain))
        lines.append(("Comments    \(count(post.comments))", .plain))
        if post.views != nil { lines.append(("Views       \(count(post.views))", .plain)) }
        lines.append(("Engagement  \(post.engagement.map { NumberFormat.percent($0) } ?? "–")", .plain))
        if let code = post.shortcode { lines.append(("Shortcode   \(SafeText.sanitize(code))", state.theme[.dim])) }
        lines.append(("", .plain))
        for line in ColumnFit.wrap(SafeText.sanitize(post.caption, keepingNewlines: true), to: max(10, area.width - 1)) {
            lines.append((line, .plain))
        }
        lines.append(("", .plain))
        if !post.hashtags.isEmpty { lines.append(("Hashtags    " + SafeText.sanitize(post.hashtags.joined(separator: " ")), state.theme[.label])) }
        for link in post.externalLinks { lines.append(("Link        " + SafeText.sanitize(link), state.theme[.link])) }
        if let image = post.imageURL { lines.append(("Image       " + SafeText.sanitize(image), state.theme[.dim])) }
        for (index, (text, style)) in lines.prefix(area.height).enumerated() {
            grid.put(text, in: area, x: 0, y: index, style: style, ellipsis: ellipsis)
        }
    }
}

/// A column of the posts table.
private enum PostColumn {
    case date, likes, comments, views, engagement, sponsored, hashtags, caption

    var tableColumn: TableColumn {
        switch self {
        case .date: TableColumn("DATE", width: 10)
        case .likes: TableColumn("LIKES", width: 7, alignRight: true)
        case .comments: TableColumn("COMMENTS", width: 9, alignRight: true)
        case .views: TableColumn("VIEWS", width: 7, alignRight: true)
        case .engagement: TableColumn("ENG.", width: 7, alignRight: true)
        case .sponsored: TableColumn("AD", width: 3)
        case .hashtags: TableColumn("HASHTAGS", width: 18)
        case .caption: TableColumn("CAPTION", width: nil)
        }
    }

    var sort: PostsView.SortColumn? {
        switch self {
        case .date: .date
        case .likes: .likes
        case .comments: .comments
        case .views: .views
        case .engagement: .engagement
        case .sponsored, .hashtags, .caption: nil
        }
    }

    func cell(_ post: Post, theme: Theme) -> TableCell {
        let count = { (value: Int?) in value.map { NumberFormat.compact(Double($0)) } ?? "" }
        return switch self {
        case .date: TableCell(text: post.postedDate?.description ?? "")
        case .likes: TableCell(text: count(post.likes))
        case .comments: TableCell(text: count(post.comments))
        case .views: TableCell(text: count(post.views))
        case .engagement: TableCell(text: post.engagement.map { NumberFormat.percent($0) } ?? "")
        case .sponsored: TableCell(text: post.sponsored ? "ad" : "", style: theme[.warning])
        case .hashtags: TableCell(text: SafeText.sanitize(post.hashtags.joined(separator: " ")))
        case .caption: TableCell(text: SafeText.sanitize(post.caption))
        }
    }
}
