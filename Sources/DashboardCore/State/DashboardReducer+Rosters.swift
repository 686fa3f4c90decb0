import Foundation
import RefreshAPI

/// Rosters, marks and comparisons: the Rosters list, a roster's creators, and creators side by side.
extension DashboardReducer {
    /// The commands of the list that mean something else on the Rosters list.
    static let rosterCommands: Set<Command> = [
        .open, .refreshAgain, .refreshStale, .sort, .reverseSort, .forget, .mark, .markAll, .compare, .addToRoster,
        .newRequest,
    ]

    /// The most creators compared at once.
    public static let mostCompared = 4

    func runOnRosters(_ command: Command, _ state: inout DashboardState) -> [DashboardEffect] {
        guard let roster = state.selectedRoster else {
            state.notice = ("No rosters yet: ylytic roster import NAME FILE makes one, or a on the Creators list.", false)
            return []
        }
        switch command {
        case .open:
            state.open([.roster(RosterScreen(name: roster.name))])
        case .refreshAgain:
            return refresh(roster.members.map(\.target), what: "every creator of \(roster.name)", &state)
        case .refreshStale:
            return refresh(roster.members.filter(\.isStale).map(\.target), what: "the stale creators of \(roster.name)", &state)
        default:
            state.notice = ("Open a roster (Enter) to mark, compare and refresh its creators.", false)
        }
        return []
    }

    /// Marks, refreshes, comparisons and additions to rosters on the Creators list (the Requests list has no
    /// creators to mark).
    func runOnMarks(_ command: Command, _ state: inout DashboardState) -> [DashboardEffect] {
        guard state.tab == .creators else {
            state.notice = ("Marks are for creators: Tab to the Creators list, or open a roster.", false)
            return []
        }
        let shown = state.visibleCreators.map { state.creators[$0] }
        let selected = state.selectedCreator
        switch command {
        case .mark:
            guard let selected else { break }
            toggleMark(.creator(selected.id), &state)
            moveSelection(&state, by: 1)
        case .markAll:
            markAll(shown.map { .creator($0.id) }, &state)
        case .refreshAgain:
            return refresh(markedTargets(state), what: "the marked creators", &state)
        case .refreshStale:
            state.notice = ("Stale is a roster's word: R refreshes the stale creators of a roster (Tab to Rosters).", false)
        case .compare:
            return compare(&state, among: nil)
        case .addToRoster:
            let targets = state.marked.isEmpty ? selected.map { [$0.refreshTarget] } ?? [] : markedTargets(state)
            guard !targets.isEmpty else { break }
            state.overlay = .addToRoster(LineEditor(), targets)
        default:
            break
        }
        keepSelectionInView(&state)
        return []
    }

    func handleRoster(_ key: Key, _ screen: RosterScreen, _ state: inout DashboardState) -> [DashboardEffect] {
        var screen = screen
        guard let command = state.bindings.command(for: key, in: .roster) else { return [] }
        let members = state.roster(named: screen.name)?.members ?? []
        let page = Self.pageSize(state) - 2
        state.notice = nil
        defer {
            if case .roster = state.screen {
                screen.selection = min(max(0, screen.selection), max(0, members.count - 1))
                if screen.selection < screen.scroll { screen.scroll = screen.selection }
                if screen.selection >= screen.scroll + page { screen.scroll = screen.selection - page + 1 }
                state.replaceScreen(with: .roster(screen))
            }
        }
        let selected = members.indices.contains(screen.selection) ? members[screen.selection] : nil
        switch command {
        case .moveUp: screen.selection -= 1
        case .moveDown: screen.selection += 1
        case .pageUp: screen.selection -= page
        case .pageDown: screen.selection += page
        case .first: screen.selection = 0
        case .last: screen.selection = members.count - 1
        case .mark:
            if let selected {
                toggleMark(selected.markKey, &state)
                screen.selection += 1
            }
        case .markAll:
            markAll(members.map(\.markKey), &state)
        case .refreshAgain:
            let marked = members.filter { state.marked.contains($0.markKey) }
            let targets = (marked.isEmpty ? selected.map { [$0] } ?? [] : marked).map(\.target)
            return refresh(targets, what: marked.isEmpty ? "the selected creator" : "the marked creators", &state)
        case .refreshStale:
            return refresh(members.filter(\.isStale).map(\.target), what: "the stale creators of \(screen.name)", &state)
        case .compare:
            return compare(&state, among: Set(members.map(\.markKey)))
        case .addToRoster:
            let marked = members.filter { state.marked.contains($0.markKey) }
            let targets = (marked.isEmpty ? selected.map { [$0] } ?? [] : marked).map(\.target)
            if !targets.isEmpty { state.overlay = .addToRoster(LineEditor(), targets) }
        case .open:
            guard let creator = selected?.creator, creator.latestRequestID != nil else {
                state.notice = ("No refresh of \(selected?.target.description ?? "it") has succeeded yet: r refreshes it.", false)
                break
            }
            state.isOpeningPage = true
            return [.openLatest(creator)]
        case .help:
            state.overlay = .help
        case .back, .quit:
            return close(&state)
        default:
            break
        }
        return []
    }

    func handleComparison(_ key: Key, _ comparison: Comparison, _ state: inout DashboardState) -> [DashboardEffect] {
        var comparison = comparison
        guard let command = state.bindings.command(for: key, in: .compare) else { return [] }
        comparison.layOut(width: state.width, ascii: state.ascii)
        let visible = max(1, state.height - 2)
        let bottom = max(0, comparison.lines.count - visible)
        switch command {
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last:
            comparison.scroll = Self.scrolled(comparison.scroll, by: command, visible: visible, bottom: bottom)
        case .nextColumns:
            comparison.first += comparison.perPage
            if comparison.first >= comparison.creators.count { comparison.first = 0 }
            comparison.layOut(width: state.width, ascii: state.ascii)
        case .previousColumns:
            comparison.first = comparison.first == 0 ? comparison.creators.count - 1 : comparison.first - comparison.perPage
            comparison.first = max(0, comparison.first)
            comparison.layOut(width: state.width, ascii: state.ascii)
        case .exportComparison:
            return [.exportComparison(comparison)]
        case .help:
            state.overlay = .help
            return []
        case .back, .quit:
            return close(&state)
        default:
            break
        }
        comparison.scroll = min(max(0, comparison.scroll), max(0, comparison.lines.count - visible))
        state.replaceScreen(with: .compare(comparison))
        return []
    }

    private func toggleMark(_ key: MarkKey, _ state: inout DashboardState) {
        if state.marked.remove(key) == nil { state.marked.insert(key) }
        state.notice = ("\(state.marked.count) marked", false)
    }

    /// Marks every one of `keys`; when all are marked already, unmarks them.
    private func markAll(_ keys: [MarkKey], _ state: inout DashboardState) {
        if keys.allSatisfy(state.marked.contains) {
            state.marked.subtract(keys)
        } else {
            state.marked.formUnion(keys)
        }
        state.notice = ("\(state.marked.count) marked", false)
    }

    /// What refreshes each marked creator or roster target, in a steady order.
    private func markedTargets(_ state: DashboardState) -> [RefreshTarget] {
        var targets: [RefreshTarget] = []
        for key in state.marked {
            switch key {
            case .creator(let id): if let creator = state.creators.first(where: { $0.id == id }) { targets.append(creator.refreshTarget) }
            case .target(let target): targets.append(target)
            }
        }
        return targets.sorted { $0.description < $1.description }
    }

    private func refresh(_ targets: [RefreshTarget], what: String, _ state: inout DashboardState) -> [DashboardEffect] {
        guard !targets.isEmpty else {
            state.notice = ("Nothing to refresh: no \(what.hasPrefix("the stale") ? "creator is stale" : "creator").", false)
            return []
        }
        state.notice = ("Refreshing \(what) (\(targets.count))…", false)
        return [.submitMany(targets)]
    }

    /// Opens the marked creators (those `among` these, when given: the roster shown) side by side, when two to four
    /// of them have a finished refresh.
    private func compare(_ state: inout DashboardState, among shown: Set<MarkKey>?) -> [DashboardEffect] {
        var creators: [CreatorRow] = []
        for key in state.marked where shown?.contains(key) ?? true {
            switch key {
            case .creator(let id):
                if let creator = state.creators.first(where: { $0.id == id }), creator.latestRequestID != nil {
                    creators.append(creator)
                }
            case .target:
                continue
            }
        }
        guard (2...Self.mostCompared).contains(creators.count) else {
            state.notice = (
                "Mark 2 to \(Self.mostCompared) refreshed creators to compare (Space marks; \(creators.count) marked now).",
                true
            )
            return []
        }
        state.isOpeningPage = true
        return [.compare(creators.sorted { ($0.followers ?? 0, $0.id) > ($1.followers ?? 0, $1.id) })]
    }
}
