import Presentation
import TextGrid

/// The bottom line of a screen over a list: the notice when there is one, else the key hints in force.
enum StatusLine {
    static func draw(_ state: DashboardState, in bar: Rect, into grid: inout Grid) {
        let glyphs: GlyphSet = state.ascii ? .ascii : .unicode
        grid.fill(bar, with: Cell(" ", style: state.theme[.statusBar]))
        if let notice = state.notice {
            grid.put(" " + SafeText.sanitize(notice.text), in: bar, x: 0, y: 0,
                     style: notice.isError ? state.theme[.problem] : state.theme[.notice], ellipsis: glyphs.ellipsis)
        } else {
            grid.put(HintBar.line(for: state, width: bar.width), in: bar, x: 0, y: 0, style: state.theme[.statusBar])
        }
    }
}
