import Presentation
import RefreshAPI
import TextGrid

/// Draws a creator page: the report of `ylytic show`, in colour, scrolled, with a
/// title bar and a status bar; or the report alone, in a preview pane.
struct CreatorPageView {
    let state: DashboardState

    /// The page in `area`: a title bar, the report scrolled, a status bar.
    func draw(_ page: CreatorPage, in area: Rect, into grid: inout Grid) {
        grid.fill(area)
        let report = area.inset(top: 1, bottom: 1)
        var page = page
        page.layOut(width: area.width, height: area.height, ascii: state.ascii)
        let count = page.lines.count
        let position = count > report.height ? "  lines \(page.scroll + 1)-\(min(count, page.scroll + report.height)) of \(count)" : ""
        grid.put(" ylytic ", in: area, x: 0, y: 0, style: state.theme[.title])
        grid.put("creator" + position, in: area, x: 9, y: 0, style: state.theme[.dim])
        drawReport(page, in: report, into: &grid)
        StatusLine.draw(state, in: area.row(area.height - 1), into: &grid)
    }

    /// The report's lines from the page's scroll, each cut to the area with an ellipsis.
    /// `page` must be laid out for the area's width.
    func drawReport(_ page: CreatorPage, in area: Rect, into grid: inout Grid) {
        let glyphs: GlyphSet = state.ascii ? .ascii : .unicode
        for (offset, line) in page.lines.dropFirst(page.scroll).prefix(area.height).enumerated() {
            var x = 1
            for run in line.truncated(to: area.width - 2, ellipsis: glyphs.ellipsis).runs {
                x = grid.put(run.text, in: area, x: x, y: offset, style: style(run.role))
            }
        }
    }

    /// The theme's style for a role of the report's text.
    func style(_ role: TextRole) -> Style {
        switch role {
        case .plain: .plain
        case .heading: state.theme[.title]
        case .label: state.theme[.label]
        case .dim: state.theme[.dim]
        case .positive: state.theme[.positive]
        case .negative: state.theme[.negative]
        case .warning: state.theme[.warning]
        }
    }
}
