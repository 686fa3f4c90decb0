import Presentation
import RefreshAPI
import TextGrid

/// The pane beside a list on a wide screen: the creator page of the selected request or
/// creator, or what is known of a request that has no answer yet.
struct PreviewPane {
    let state: DashboardState

    func draw(in area: Rect, into grid: inout Grid) {
        guard area.width > 2, area.height > 0 else { return }
        let frame = state.ascii ? Frame.ascii : Frame.unicode
        grid.fill(area)
        for row in 0..<area.height { grid.put(frame.vertical, in: area, x: 0, y: row, style: state.theme[.box]) }
        let content = area.inset(left: 1)
        let glyphs: GlyphSet = state.ascii ? .ascii : .unicode
        if let page = state.previewPage, state.previewRequestID == state.previewSubject {
            CreatorPageView(state: state).drawReport(page, in: content, into: &grid)
            return
        }
        let lines: [String]
        switch state.tab {
        case .requests:
            guard let row = state.selectedRow else { return }
            lines = row.phase == .succeeded ? ["Reading the response…"] : RequestsTable.facts(of: row, now: state.now)
        case .creators:
            guard state.selectedCreator != nil else { return }
            lines = ["Reading the latest response…"]
        case .rosters:
            return
        }
        for (index, line) in lines.prefix(content.height).enumerated() {
            grid.put(line, in: content, x: 2, y: index + 1, style: index == 0 && lines.count == 1 ? state.theme[.dim] : .plain, ellipsis: glyphs.ellipsis)
        }
    }
}
