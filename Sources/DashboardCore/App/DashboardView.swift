import Presentation
import TextGrid

/// Draws the dashboard's state into a grid: the screen shown, the box over it if any, and the status bar: the
/// screen's own line (a filter being typed), else the notice, else the keys of what is in front. Every string from
/// the server is made safe by the screen that draws it.
public struct DashboardView {
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public init() {}

    /// Whether the terminal is too small to draw any screen (it says so instead).
    static func isTooSmall(_ shared: Shared) -> Bool {
        shared.width < minimumWidth || shared.height < minimumHeight
    }

    /// Where screens are drawn: all but the status bar.
    static func screenArea(_ shared: Shared) -> Rect {
        Rect(x: 0, y: 0, width: shared.width, height: max(0, shared.height - 1))
    }

    public func render(_ state: DashboardState) -> Grid {
        let shared = state.shared
        var grid = Grid(width: shared.width, height: shared.height)
        guard !Self.isTooSmall(shared) else {
            let message = "Terminal too small (\(shared.width)x\(shared.height)); ylytic needs \(Self.minimumWidth)x\(Self.minimumHeight)."
            for (index, line) in ColumnFit.wrap(message, to: max(1, shared.width)).prefix(shared.height).enumerated() {
                grid.put(line, x: 0, y: index)
            }
            return grid
        }
        let screen = state.screen.component
        screen.draw(in: Self.screenArea(shared), into: &grid, shared)
        let overlay = state.overlay?.component
        overlay?.draw(in: grid.area, into: &grid, shared)
        drawStatusBar(in: grid.area.row(shared.height - 1), into: &grid, front: overlay ?? screen, shared)
        return grid
    }

    private func drawStatusBar(in bar: Rect, into grid: inout Grid, front: any Component, _ shared: Shared) {
        grid.fill(bar, with: Cell(" ", style: shared.theme[.statusBar]))
        // What is typed shows as it is typed; else a notice (a file written, a view opened) before the screen's own
        // line (a filter in force), which comes back at the next key.
        let own = front.statusLine(shared)
        if let own, front.isTyping || shared.notice == nil {
            grid.put(own, in: bar, x: 0, y: 0, style: shared.theme[.statusBar], ellipsis: shared.glyphs.ellipsis)
        } else if let notice = shared.notice {
            grid.put(
                " " + SafeText.sanitize(notice.text), in: bar, x: 0, y: 0, style: notice.isError ? shared.theme[.problem] : shared.theme[.notice],
                ellipsis: shared.glyphs.ellipsis)
        } else {
            let line = HintBar.line(front.offers(shared), in: front.context, shared, width: bar.width)
            grid.put(line, in: bar, x: 0, y: 0, style: shared.theme[.statusBar])
        }
    }
}
