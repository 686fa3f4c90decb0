import Foundation
import Presentation
import RefreshAPI
import TextGrid

/// Draws the dashboard's state into a grid: header, the requests table, the status
/// bar, and any overlay. Every string from the server is sanitised first.
public struct RequestsScreen {
    public static let minimumWidth = 40
    public static let minimumHeight = 12
    /// How long a row that changed state stays marked.
    public static let markDuration: TimeInterval = 5

    public init() {}

    public func render(_ state: DashboardState) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        let frame = state.ascii ? Frame.ascii : Frame.unicode
        guard state.width >= Self.minimumWidth, state.height >= Self.minimumHeight else {
            let message = "Terminal too small (\(state.width)x\(state.height)); ylytic needs \(Self.minimumWidth)x\(Self.minimumHeight)."
            for (index, line) in ColumnFit.wrap(message, to: max(1, state.width)).prefix(state.height).enumerated() {
                grid.put(line, x: 0, y: index)
            }
            return grid
        }
        if let hint = state.setupHint {
            drawSetup(hint, state, into: &grid)
            return grid
        }
        let area = grid.area
        switch state.screen {
        case .list(let tab):
            drawHeader(state, frame: frame, into: &grid)
            let (list, pane) = area.inset(top: 1, bottom: 1).splitColumns(at: state.listWidth)
            switch tab {
            case .requests: RequestsTable(state: state).draw(in: list, into: &grid)
            case .creators: CreatorsTable(state: state).draw(in: list, into: &grid)
            case .rosters: RostersTable(state: state).draw(in: list, into: &grid)
            }
            if state.showsPreview { PreviewPane(state: state).draw(in: pane.inset(left: 1), into: &grid) }
            drawStatusBar(state, into: &grid)
        case .creator(let page):
            CreatorPageView(state: state).draw(page, in: area, into: &grid)
        case .posts(let view):
            PostsTableView(state: state).draw(view, handle: handle(state), in: area, into: &grid)
        case .post(let post):
            PostsTableView(state: state).draw(post, from: state.postsView ?? PostsView(posts: Posts()), handle: handle(state), in: area, into: &grid)
        case .roster(let screen):
            RosterMembersView(state: state).draw(screen, in: area, into: &grid)
        case .compare(let comparison):
            ComparisonView(state: state).draw(comparison, in: area, into: &grid)
        }
        if let overlay = state.overlay {
            OverlayView(state: state, frame: frame).draw(overlay, into: &grid)
        }
        return grid
    }

    /// The handle of the creator whose posts are shown.
    private func handle(_ state: DashboardState) -> String {
        let record = state.creatorPage?.record
        return record?.response?.profileOverview?.handle ?? record?.request?.target?.value ?? ""
    }

    private func drawSetup(_ hint: String, _ state: DashboardState, into grid: inout Grid) {
        var y = 1
        grid.put("ylytic", x: 2, y: y, style: state.theme[.title])
        y += 2
        for paragraph in hint.split(separator: "\n", omittingEmptySubsequences: false) {
            for line in ColumnFit.wrap(String(paragraph), to: grid.width - 4) where y < grid.height - 1 {
                grid.put(line, x: 2, y: y)
                y += 1
            }
        }
        grid.put("q quits", x: 2, y: grid.height - 1, style: state.theme[.dim])
    }

    /// How much of the header's words a width affords; numbers are always shown.
    private enum HeaderWording: CaseIterable {
        case full, shortLabels, shortTabs, titledLetters, letters
    }

    /// The tab drawn at column `x` of the header, if any.
    static func tab(at x: Int, _ state: DashboardState) -> DashboardState.Tab? {
        let screen = RequestsScreen()
        let frame = state.ascii ? Frame.ascii : Frame.unicode
        var column = 0
        for segment in screen.fittingHeader(state, frame: frame) {
            let width = DisplayWidth.of(segment.text)
            if let tab = segment.tab, (column..<(column + width)).contains(x) { return tab }
            column += width
        }
        return nil
    }

    /// The header's segments in the richest wording that fits the width, with room for where the data comes from
    /// (on the Requests list) when a shorter wording leaves it; else in the richest that fits alone.
    private func fittingHeader(_ state: DashboardState, frame: Frame) -> [(text: String, style: Style, tab: DashboardState.Tab?)] {
        let counts = state.counts
        let candidates = HeaderWording.allCases.lazy.map { headerSegments(state, counts: counts, frame: frame, wording: $0) }
        let width = { (segments: [(text: String, style: Style, tab: DashboardState.Tab?)]) in
            segments.reduce(0) { $0 + DisplayWidth.of($1.text) }
        }
        let source = state.tab == .requests ? DisplayWidth.of(" " + state.source + " ") + 1 : 0
        let withSource = candidates.prefix(3).first { width($0) + source < state.width }
        return withSource ?? candidates.first { width($0) <= state.width }
            ?? headerSegments(state, counts: counts, frame: frame, wording: .letters)
    }

    /// The header: title, tabs, live or paused, and a count per state (or the creators' count), from the richest
    /// wording that fits the width down to one letter per state, so that every count stays visible.
    private func drawHeader(_ state: DashboardState, frame: Frame, into grid: inout Grid) {
        let segments = fittingHeader(state, frame: frame)
        var x = 0
        for segment in segments { x = grid.put(segment.text, x: x, y: 0, style: segment.style) }
        guard state.tab == .requests else { return }
        let source = " " + state.source + " "
        let sourceWidth = DisplayWidth.of(source)
        if x + sourceWidth + 1 < grid.width { grid.put(source, x: grid.width - sourceWidth, y: 0, style: state.theme[.dim]) }
    }

    private func headerSegments(_ state: DashboardState, counts: [RequestRow.Phase: Int], frame: Frame, wording: HeaderWording)
        -> [(text: String, style: Style, tab: DashboardState.Tab?)]
    {
        var segments: [(text: String, style: Style, tab: DashboardState.Tab?)] = []
        if wording != .letters { segments.append((" ylytic ", state.theme[.title], nil)) }
        let isLetters = wording == .titledLetters || wording == .letters
        for tab in DashboardState.Tab.allCases {
            let label = wording == .full || wording == .shortLabels ? tab.rawValue.capitalized : String(tab.rawValue.prefix(3)).capitalized
            segments.append((" ", .plain, nil))
            segments.append((" \(label) ", tab == state.tab ? state.theme[.activeTab] : state.theme[.tab], tab))
        }
        let live = state.storeOffline != nil ? frame.offline : state.liveUpdates ? frame.live : frame.paused
        let liveStyle =
            state.storeOffline != nil ? state.theme[.problem] : state.liveUpdates ? state.theme[.live] : state.theme[.paused]
        segments.append((" ", .plain, nil))
        segments.append((isLetters ? String(live.prefix(1)) : live, liveStyle, nil))
        if state.tab == .creators {
            let marked = state.marked.isEmpty ? "" : ", \(state.marked.count) marked"
            segments.append(("  \(state.creators.count) creators\(marked)", state.theme[.dim], nil))
            return segments
        }
        if state.tab == .rosters {
            segments.append(("  \(state.rosters.count) roster\(state.rosters.count == 1 ? "" : "s")", state.theme[.dim], nil))
            return segments
        }
        if let total = state.loadingTotal {
            segments.append(("  reading \(NumberFormat.grouped(total)) requests…", state.theme[.dim], nil))
            return segments
        }
        for phase in [RequestRow.Phase.pending, .succeeded, .failed, .stale, .unknown] {
            let count = counts[phase, default: 0] + (phase == .pending ? counts[.submitting, default: 0] : 0)
            let label =
                switch wording {
                case .full: "  \(phase.rawValue) "
                case .shortLabels, .shortTabs: "  \(phase.rawValue.prefix(4)) "
                case .titledLetters, .letters: " \(phase.rawValue.prefix(phase == .stale ? 2 : 1))"
                }
            segments.append((label, state.theme[.dim], nil))
            segments.append((String(count), count > 0 ? state.theme.phase(phase) : state.theme[.dim], nil))
        }
        return segments
    }

    private func drawStatusBar(_ state: DashboardState, into grid: inout Grid) {
        let y = grid.height - 1
        grid.fill(x: 0, y: y, width: grid.width, height: 1, with: Cell(" ", style: state.theme[.statusBar]))
        if state.isEditingFilter || !state.filter.isEmpty {
            let (shown, total) =
                switch state.tab {
                case .requests: (state.visible.count, state.rows.count)
                case .creators: (state.visibleCreators.count, state.creators.count)
                case .rosters: (state.visibleRosters.count, state.rosters.count)
                }
            let frame = state.ascii ? Frame.ascii : Frame.unicode
            let typed = state.isEditingFilter ? state.filterField.showing(cursor: frame.cursor) : state.filter
            let text = " /" + SafeText.sanitize(typed) + "  (\(shown) of \(total))"
            grid.put(text, x: 0, y: y, style: state.theme[.statusBar])
            return
        }
        if let notice = state.notice {
            grid.put(" " + SafeText.sanitize(notice.text), x: 0, y: y, style: notice.isError ? state.theme[.problem] : state.theme[.notice],
                     ellipsis: (state.ascii ? GlyphSet.ascii : .unicode).ellipsis)
            return
        }
        grid.put(HintBar.line(for: state, width: grid.width), x: 0, y: y, style: state.theme[.statusBar])
    }
}
