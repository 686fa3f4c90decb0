import Presentation
import TextGrid

/// Draws creators side by side: a title bar, the comparison scrolled, a status bar. The lines are laid out once
/// per size and page of creators, so a frame only copies them.
struct ComparisonView {
    let state: DashboardState

    func draw(_ comparison: Comparison, in area: Rect, into grid: inout Grid) {
        grid.fill(area)
        var comparison = comparison
        comparison.layOut(width: area.width, ascii: state.ascii)
        let body = area.inset(top: 1, bottom: 1)
        let count = comparison.lines.count
        let position =
            count > body.height ? "  lines \(comparison.scroll + 1)-\(min(count, comparison.scroll + body.height)) of \(count)" : ""
        let x = grid.put(" ylytic ", in: area, x: 0, y: 0, style: state.theme[.title])
        grid.put(" compare \(comparison.creators.count) creators" + position, in: area, x: x, y: 0, style: state.theme[.dim])
        let page = CreatorPageView(state: state)
        let glyphs: GlyphSet = state.ascii ? .ascii : .unicode
        for (offset, line) in comparison.lines.dropFirst(comparison.scroll).prefix(body.height).enumerated() {
            var x = 1
            for run in line.truncated(to: body.width - 2, ellipsis: glyphs.ellipsis).runs {
                x = grid.put(run.text, in: body, x: x, y: offset, style: page.style(run.role))
            }
        }
        StatusLine.draw(state, in: area.row(area.height - 1), into: &grid)
    }
}
