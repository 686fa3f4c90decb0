import Presentation
import TextGrid

/// The header of the lists: the title, a tab per list, live, paused or offline, and a count per state of the
/// requests (or of the creators, or the rosters), from the richest wording that fits the width down to a letter per
/// state, so that every count stays visible; where the data comes from on the right, when there is room.
struct ListsHeader {
    private struct Segment {
        let text: String
        let style: Style
        var tab: ListsScreen.Tab?
    }

    /// How much of the header's words a width affords; numbers are always shown.
    private enum Wording: CaseIterable {
        case full, shortLabels, shortTabs, titledLetters, letters
    }

    let lists: ListsScreen
    let shared: Shared

    func draw(into grid: inout Grid, y: Int) {
        var x = 0
        for segment in fitting() { x = grid.put(segment.text, x: x, y: y, style: segment.style) }
        guard lists.tab == .requests else { return }
        let source = " " + shared.source + " "
        let sourceWidth = DisplayWidth.of(source)
        if x + sourceWidth + 1 < grid.width { grid.put(source, x: grid.width - sourceWidth, y: y, style: shared.theme[.dim]) }
    }

    /// The tab drawn at column `x`, if any.
    func tab(at x: Int) -> ListsScreen.Tab? {
        var column = 0
        for segment in fitting() {
            let width = DisplayWidth.of(segment.text)
            if let tab = segment.tab, (column..<(column + width)).contains(x) { return tab }
            column += width
        }
        return nil
    }

    /// The segments in the richest wording that fits the width with room for where the data comes from (on the
    /// Requests list), when a shorter wording leaves it; else in the richest that fits alone. What was sent today
    /// comes after, in the richest wording the room left affords, or not at all: the counts come first.
    private func fitting() -> [Segment] {
        let candidates = Wording.allCases.lazy.map { segments($0) }
        let width = { (segments: [Segment]) in segments.reduce(0) { $0 + DisplayWidth.of($1.text) } }
        let source = lists.tab == .requests ? DisplayWidth.of(" " + shared.source + " ") + 1 : 0
        let withSource = candidates.prefix(3).first { width($0) + source < shared.width }
        let chosen = withSource ?? candidates.first { width($0) <= shared.width } ?? segments(.letters)
        guard lists.tab == .requests, let usage = shared.usage else { return chosen }
        let room = shared.width - width(chosen) - (withSource != nil ? source : 0)
        let sent = [Wording.full, .shortLabels, .letters].lazy.map { usageSegment(usage, $0) }
            .first { DisplayWidth.of($0.text) < room }
        return chosen + (sent.map { [$0] } ?? [])
    }

    private func segments(_ wording: Wording) -> [Segment] {
        let theme = shared.theme
        var segments: [Segment] = []
        if wording != .letters { segments.append(Segment(text: " ylytic ", style: theme[.title])) }
        let isLetters = wording == .titledLetters || wording == .letters
        for tab in ListsScreen.Tab.allCases {
            let label = wording == .full || wording == .shortLabels ? tab.rawValue.capitalized : String(tab.rawValue.prefix(3)).capitalized
            segments.append(Segment(text: " ", style: .plain))
            segments.append(Segment(text: " \(label) ", style: tab == lists.tab ? theme[.activeTab] : theme[.tab], tab: tab))
        }
        let frame = shared.frame
        let connection = shared.connection
        let live = connection.offlineBecause != nil ? frame.offline : connection.isLive ? frame.live : frame.paused
        let liveStyle = connection.offlineBecause != nil ? theme[.problem] : connection.isLive ? theme[.live] : theme[.paused]
        segments.append(Segment(text: " ", style: .plain))
        segments.append(Segment(text: isLetters ? String(live.prefix(1)) : live, style: liveStyle))
        switch lists.tab {
        case .creators:
            let list = lists.creators.list
            let marked = list.marked.isEmpty ? "" : ", \(NumberFormat.grouped(list.marked.count)) marked"
            let all = NumberFormat.grouped(list.rows.count)
            let count =
                (list.visible.count == list.rows.count ? all : "\(NumberFormat.grouped(list.visible.count)) of \(all)")
                + (list.rows.count == 1 ? " creator" : " creators")
            if let view = lists.creators.view, wording != .letters {
                let edited = list.filter == view.query ? "" : " (query edited)"
                segments.append(Segment(text: "  " + SafeText.sanitize(view.name) + edited, style: theme[.activeTab]))
                segments.append(Segment(text: ": \(count)\(marked)", style: theme[.dim]))
            } else {
                segments.append(Segment(text: "  \(count)\(marked)", style: theme[.dim]))
            }
        case .rosters:
            let count = lists.rosters.list.rows.count
            segments.append(Segment(text: "  \(count) roster\(count == 1 ? "" : "s")", style: theme[.dim]))
        case .requests:
            if let total = lists.requests.loadingTotal {
                segments.append(Segment(text: "  reading \(NumberFormat.grouped(total)) requests…", style: theme[.dim]))
                return segments
            }
            let counts = lists.requests.counts
            for phase in [RequestRow.Phase.pending, .succeeded, .failed, .stale, .unknown] {
                let count = counts[phase, default: 0] + (phase == .pending ? counts[.submitting, default: 0] : 0)
                let label =
                    switch wording {
                    case .full: "  \(phase.rawValue) "
                    case .shortLabels, .shortTabs: "  \(phase.rawValue.prefix(4)) "
                    case .titledLetters, .letters: " \(phase.rawValue.prefix(phase == .stale ? 2 : 1))"
                    }
                segments.append(Segment(text: label, style: theme[.dim]))
                segments.append(Segment(text: String(count), style: count > 0 ? theme.phase(phase) : theme[.dim]))
            }
        }
        return segments
    }

    /// "  sent today 12 (budget 40/500/day)": the paid refreshes of the day (UTC) by everyone on the store, and
    /// the budget's period so far; in the problem colour once the budget is spent.
    private func usageSegment(_ usage: UsageToday, _ wording: Wording) -> Segment {
        let budget = usage.budget.map { "\(usage.usedInPeriod)/\($0.limit)/\($0.period.rawValue)" }
        let text =
            switch wording {
            case .full: "  sent today \(usage.sent)" + (budget.map { " (budget \($0))" } ?? "")
            case .shortLabels, .shortTabs: "  today \(usage.sent)" + (budget.map { " \($0)" } ?? "")
            case .titledLetters, .letters: " t\(usage.sent)"
            }
        return Segment(text: text, style: usage.isSpent ? shared.theme[.problem] : shared.theme[.dim])
    }
}
