import RefreshAPI
import TextGrid

/// Draws a creator page: the report of `ylytic show`, in colour, scrolled, with a
/// title bar and a status bar.
struct CreatorPageView {
    let state: DashboardState

    func draw(_ page: CreatorPage, into grid: inout Grid) {
        if let posts = page.posts {
            let handle = page.record.response?.profileOverview?.handle ?? page.record.request?.target?.value ?? ""
            PostsTableView(state: state).draw(posts, posts: page.record.response?.posts ?? Posts(), handle: handle, into: &grid)
            return
        }
        grid.fill(x: 0, y: 0, width: grid.width, height: grid.height)
        var page = page
        page.layOut(width: grid.width, height: grid.height, ascii: state.ascii)
        let lines = page.lines
        let visible = max(1, grid.height - 2)
        grid.put(" ylytic ", x: 0, y: 0, style: Theme.header)
        let position = lines.count > visible ? "  lines \(page.scroll + 1)-\(min(lines.count, page.scroll + visible)) of \(lines.count)" : ""
        grid.put("creator" + position, x: 9, y: 0, style: Theme.dim)
        let glyphs: GlyphSet = state.ascii ? .ascii : .unicode
        for (offset, line) in lines.dropFirst(page.scroll).prefix(visible).enumerated() {
            var x = 1
            for run in line.truncated(to: grid.width - 2, ellipsis: glyphs.ellipsis).runs {
                x = grid.put(run.text, x: x, y: 1 + offset, style: Self.style(run.role), maxWidth: grid.width - 1 - x)
            }
        }
        let y = grid.height - 1
        grid.fill(x: 0, y: y, width: grid.width, height: 1, with: Cell(" ", style: Theme.statusBar))
        let back = page.isOnlyPage ? "q quit" : "Esc back"
        if let notice = state.notice {
            grid.put(" " + SafeText.sanitize(notice.text), x: 0, y: y, style: notice.isError ? Style(foreground: .red, reverse: true) : Theme.statusBar,
                     ellipsis: glyphs.ellipsis)
        } else {
            let hints = [back, "j/k scroll", "p posts", "x exact numbers", "e export posts (CSV)", "? help"]
            grid.put(HintBar.line(hints, width: grid.width), x: 0, y: y, style: Theme.statusBar)
        }
    }

    static func style(_ role: TextRole) -> Style {
        switch role {
        case .plain: .plain
        case .heading: Theme.header
        case .label: Style(foreground: .cyan)
        case .dim: Theme.dim
        case .positive: Style(foreground: .green)
        case .negative: Style(foreground: .red)
        case .warning: Style(foreground: .yellow)
        }
    }
}
