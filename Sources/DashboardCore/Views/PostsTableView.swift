import RefreshAPI
import TextGrid

/// Draws the posts of a creator page: a table of one kind of post, or one post whole.
struct PostsTableView {
    let state: DashboardState

    func draw(_ view: PostsView, posts: Posts, handle: String, into grid: inout Grid) {
        grid.fill(x: 0, y: 0, width: grid.width, height: grid.height)
        let ellipsis = state.ascii ? "~" : "…"
        var x = grid.put(" ylytic ", x: 0, y: 0, style: Theme.header)
        let tabs = [(true, "Videos", posts.video.count), (false, "Posts", posts.nonVideo.count)].map { ($0, " \($1) \($2) ") }
        let tabsWidth = tabs.reduce(0) { $0 + 1 + DisplayWidth.of($1.1) }
        x = grid.put(" " + SafeText.sanitize(handle) + " ", x: x + 1, y: 0, style: Theme.dim, maxWidth: max(4, grid.width - x - 1 - tabsWidth), ellipsis: ellipsis)
        for (isVideo, label) in tabs {
            x = grid.put(label, x: x + 1, y: 0, style: isVideo == view.showsVideos ? Style(bold: true, reverse: true) : Theme.dim, ellipsis: ellipsis)
        }
        if view.sponsoredOnly { x = grid.put("  sponsored only", x: x, y: 0, style: Style(foreground: .yellow)) }
        if let post = view.openPost {
            drawPost(post, into: &grid)
        } else {
            drawTable(view, ellipsis: ellipsis, into: &grid)
        }
        let y = grid.height - 1
        grid.fill(x: 0, y: y, width: grid.width, height: 1, with: Cell(" ", style: Theme.statusBar))
        let hint: String
        if view.openPost != nil {
            hint = HintBar.line(["Esc back to the posts"], width: grid.width)
        } else if view.isEditingFilter || !view.filter.isEmpty {
            let cursor = (state.ascii ? Frame.ascii : Frame.unicode).cursor
            hint = " /" + SafeText.sanitize(view.isEditingFilter ? view.filterField.showing(cursor: cursor) : view.filter)
                + "  caption or hashtag"
        } else {
            hint = HintBar.line(["Esc back", "Tab videos/posts", "o O sort", "/ filter", "s sponsored", "Enter open"], width: grid.width)
        }
        grid.put(hint, x: 0, y: y, style: Theme.statusBar, ellipsis: ellipsis)
    }

    private func drawTable(_ view: PostsView, ellipsis: String, into grid: inout Grid) {
        let shown = view.shown
        let wide = grid.width >= 100
        var columns: [(String, Int, Bool, PostsView.SortColumn?)] = [
            ("DATE", 10, false, .date), ("LIKES", 7, true, .likes), ("COMMENTS", 8, true, .comments),
        ]
        if view.showsVideos { columns.append(("VIEWS", 7, true, .views)) }
        columns.append(("ENG.", 7, true, .engagement))
        if wide { columns += [("AD", 3, false, nil), ("HASHTAGS", 18, false, nil)] }
        let fixed = columns.reduce(2) { $0 + $1.1 + 2 }
        let captionWidth = max(0, grid.width - fixed)
        var x = 2
        for (title, width, right, sort) in columns {
            let arrow = sort == view.sort ? (view.ascending ? (state.ascii ? "^" : "↑") : (state.ascii ? "v" : "↓")) : ""
            grid.put(ColumnFit.pad(title + arrow, to: width, alignRight: right), x: x, y: 1, style: Theme.tableHeader)
            x += width + 2
        }
        if captionWidth > 0 { grid.put("CAPTION", x: x, y: 1, style: Theme.tableHeader) }
        guard !view.order.isEmpty else {
            grid.put(view.filter.isEmpty && !view.sponsoredOnly ? "No posts of this kind." : "No post matches.", x: 2, y: 3, style: Theme.dim)
            return
        }
        let visible = max(1, grid.height - 4)
        for line in 0..<visible {
            let index = view.scroll + line
            guard index < view.order.count else { break }
            let post = shown[view.order[index]]
            let count = { (value: Int?) in value.map { NumberFormat.compact(Double($0)) } ?? "" }
            var cells = [post.postedDate?.description ?? "", count(post.likes), count(post.comments)]
            if view.showsVideos { cells.append(count(post.views)) }
            cells.append(post.engagement.map { NumberFormat.percent($0) } ?? "")
            if wide { cells += [post.sponsored ? "ad" : "", SafeText.sanitize(post.hashtags.joined(separator: " "))] }
            var x = 2
            for ((_, width, right, _), cell) in zip(columns, cells) {
                grid.put(ColumnFit.pad(cell, to: width, alignRight: right, ellipsis: ellipsis), x: x, y: 2 + line,
                    style: cell == "ad" ? Style(foreground: .yellow) : .plain)
                x += width + 2
            }
            if captionWidth > 0 {
                grid.put(ColumnFit.truncate(SafeText.sanitize(post.caption), to: captionWidth, ellipsis: ellipsis), x: x, y: 2 + line)
            }
            if index == view.selection { grid.paint(x: 0, y: 2 + line, count: grid.width, style: Theme.selected) }
        }
    }

    private func drawPost(_ post: Post, into grid: inout Grid) {
        var lines: [(String, Style)] = []
        let count = { (value: Int?) in value.map { "\(NumberFormat.compact(Double($0))) (\(NumberFormat.grouped($0)))" } ?? "–" }
        lines.append(("Posted      \(post.postedDate?.description ?? "–")   \(post.sponsored ? "sponsored" : "not sponsored")", Theme.header))
        lines.append(("Likes       \(count(post.likes))", .plain))
        lines.append(("Comments    \(count(post.comments))", .plain))
        if post.views != nil { lines.append(("Views       \(count(post.views))", .plain)) }
        lines.append(("Engagement  \(post.engagement.map { NumberFormat.percent($0) } ?? "–")", .plain))
        if let code = post.shortcode { lines.append(("Shortcode   \(SafeText.sanitize(code))", Theme.dim)) }
        lines.append(("", .plain))
        for line in ColumnFit.wrap(SafeText.sanitize(post.caption, keepingNewlines: true), to: max(10, grid.width - 4)) {
            lines.append((line, .plain))
        }
        lines.append(("", .plain))
        if !post.hashtags.isEmpty { lines.append(("Hashtags    " + SafeText.sanitize(post.hashtags.joined(separator: " ")), Style(foreground: .cyan))) }
        for link in post.externalLinks { lines.append(("Link        " + SafeText.sanitize(link), Style(foreground: .blue))) }
        if let image = post.imageURL { lines.append(("Image       " + SafeText.sanitize(image), Theme.dim)) }
        for (index, (text, style)) in lines.prefix(max(0, grid.height - 3)).enumerated() {
            grid.put(text, x: 2, y: 2 + index, style: style, maxWidth: grid.width - 3, ellipsis: state.ascii ? "~" : "…")
        }
    }
}
