import Foundation
import RefreshAPI
import TextGrid

/// Changes the state for an action and returns the work to do outside. A key goes to the box shown, else to the
/// screen shown; what the store says goes to every screen and box, each taking what it shows; the answers of
/// effects go where they were asked for.
public struct DashboardReducer: Sendable {
    public init() {}

    public func reduce(_ state: inout DashboardState, _ action: DashboardAction) -> [DashboardEffect] {
        var effects = apply(action, &state)
        for effect in effects {
            switch effect {
            case .submit(let target), .forceSubmit(let target): showAwaitingStore(target, &state)
            default: continue
            }
        }
        // The preview pane follows the selection of the lists, while they are shown.
        if state.screens.count == 1 {
            effects += state.updateLists { lists, shared in lists.followSelectionInPreview(shared) } ?? []
        }
        return effects
    }

    private func apply(_ action: DashboardAction, _ state: inout DashboardState) -> [DashboardEffect] {
        switch action {
        case .key(let key):
            return handle(key, &state)
        case .mouse(let mouse):
            guard state.overlay == nil, !state.isAwaitingPage, !DashboardView.isTooSmall(state.shared) else { return [] }
            let area = DashboardView.screenArea(state.shared)
            let outcome = state.updateScreen(state.screens.count - 1) { $0.point(mouse, in: area, &$1) }
            return perform(outcome, &state)
        case .resize(let width, let height):
            state.shared.width = max(0, width)
            state.shared.height = max(0, height)
            return tell(.resized, &state)
        case .tick(let date):
            state.shared.now = date
            state.shared.expireNotice()
        case .loaded(let rows):
            var effects = tell(.requestsLoaded(rows), &state)
            _ = state.submissionsAwaitingStore.settle(by: rows)
            // The rows still waiting for the store stay shown.
            let waiting = Array(state.submissionsAwaitingStore.rows.values)
            if !waiting.isEmpty { effects += tell(.requestsChanged(waiting), &state) }
            return effects
        case .firstPage(let rows, let total):
            return tell(.firstPage(rows, total: total), &state)
        case .updated(let rows):
            let ended = state.lists.map { lists in
                rows.filter { row in
                    (row.phase == .succeeded || row.phase == .failed) && lists.requests.list.row(row.id)?.isUnderWay == true
                }
            } ?? []
            var effects = tell(.requestsChanged(rows), &state)
            let settled = state.submissionsAwaitingStore.settle(by: rows)
            if !settled.isEmpty { effects += tell(.requestsRemoved(Set(settled)), &state) }
            // Told only when nobody looks at the Requests list: another window in front, or another screen.
            let isWatched =
                state.shared.hasFocus && state.screens.count == 1 && state.lists?.tab == .requests && state.overlay == nil
            if !ended.isEmpty, state.shared.settings.notify != .off, !isWatched {
                effects.append(.notify(Self.notification(for: ended), state.shared.settings.notify))
            }
            return effects
        case .removed(let ids):
            return tell(.requestsRemoved(Set(ids)), &state)
        case .previewLoaded(let requestID, let record, let history):
            return tell(.previewLoaded(requestID: requestID, CreatorPage(record: record, history: history)), &state)
        case .creatorsLoaded(let creators):
            return tell(.creatorsLoaded(creators), &state)
        case .rostersLoaded(let rosters):
            state.shared.rosterNames = rosters.map(\.name)
            return tell(.rostersLoaded(rosters), &state)
        case .usageLoaded(let usage):
            state.shared.usage = usage
        case .rosterAdditionRefused(let name, let targets, let reason):
            if state.overlay == nil { state.overlay = .addToRoster(AddToRoster(targets: targets, name: name, problem: reason)) }
            state.shared.warn(reason)
        case .rosterRenameRefused(let name, let typed, let reason):
            if state.overlay == nil { state.overlay = .renameRoster(RenameRoster(name: name, typed: typed, problem: reason)) }
            state.shared.warn(reason)
        case .focus(let isInFront):
            state.shared.hasFocus = isInFront
        case .comparisonLoaded(let creators):
            state.keysAwaitingPage = nil
            state.open([.compare(ComparisonScreen(comparison: Comparison(creators: creators)))])
        case .creatorLoaded(let page):
            state.overlay = nil
            state.open(Screen.opening(page, postsSort: state.shared.settings.postsSort))
            // Keys typed while the page was read were meant for it; they wait for its posts' text if that is to come.
            if page.hasPostText { return replayKeysAwaitingPage(&state) }
            state.keysAwaitingPage = state.keysAwaitingPage ?? []
        case .postTextLoaded(let record):
            return tell(.postText(record), &state) + replayKeysAwaitingPage(&state)
        case .problem(let text):
            state.shared.warn(text)
            state.keysAwaitingPage = nil
        case .notice(let text):
            state.shared.tell(text)
        case .batchPriced(let plan, let price):
            state.shared.clearNotice()
            if state.overlay == nil {
                state.overlay = .confirmBatch(ConfirmBatch(plan, price: price))
            } else {
                state.shared.tell("Sent nothing: another box was open.")
            }
        case .joined(let target, let row):
            // "Submitting…" no longer holds: nothing was sent.
            state.shared.clearNotice()
            if state.overlay == nil { state.overlay = .joined(JoinedRequest(target: target, row: row)) }
            if let id = state.submissionsAwaitingStore.settle(target) { return tell(.requestsRemoved([id]), &state) }
        case .submissionEnded(let target):
            if let id = state.submissionsAwaitingStore.settle(target) { return tell(.requestsRemoved([id]), &state) }
        case .storeConnection(let reason):
            let wasOffline = state.shared.connection.offlineBecause != nil
            state.shared.connection.offlineBecause = reason
            if let reason {
                state.shared.warn("Lost the connection to the store (\(reason)); reconnecting…")
            } else if wasOffline {
                state.shared.tell("The store is back; what changed meanwhile is shown.")
            }
        }
        return []
    }

    /// Shows a submission of `target` at once, as waiting for the store, until the store's row for it arrives; while
    /// the store is out of reach, the status bar says so.
    private func showAwaitingStore(_ target: RefreshTarget, _ state: inout DashboardState) {
        let reason = state.shared.connection.offlineBecause
        guard let row = state.submissionsAwaitingStore.add(target, now: state.shared.now, offlineBecause: reason) else {
            return
        }
        _ = tell(.requestsChanged([row]), &state)
        if reason != nil {
            state.shared.warn(
                "\(SafeText.sanitize(target.description)) waits for the store, which is out of reach: it is sent once the "
                    + "store has taken it.")
        }
    }

    /// A key: Ctrl-C always quits; while the terminal is too small only quitting works; while a page is read it waits
    /// for the page; else it goes to the box shown, or to the screen shown.
    private func handle(_ key: Key, _ state: inout DashboardState) -> [DashboardEffect] {
        if key == .control("c") {
            state.wasInterrupted = true
            return perform(.go(.quit), &state)
        }
        // Nothing acts unseen: while the terminal is too small to draw the screen, only the screen's quit key works.
        guard !DashboardView.isTooSmall(state.shared) else {
            let quits = state.overlay == nil
                && state.shared.bindings.command(for: key, in: state.screen.component.context) == .quit
            return quits ? perform(.go(.quit), &state) : []
        }
        if var waiting = state.keysAwaitingPage {
            if waiting.count < DashboardState.mostKeysAwaitingPage { waiting.append(key) }
            state.keysAwaitingPage = waiting
            return []
        }
        if var overlay = state.overlay {
            let outcome = overlay.update { $0.handle(key, &state.shared) }
            state.overlay = overlay
            return perform(outcome, &state)
        }
        let outcome = state.updateScreen(state.screens.count - 1) { $0.handle(key, &$1) }
        return perform(outcome, &state)
    }

    /// Tells every screen and the box what happened; a box may close on it.
    private func tell(_ event: ScreenEvent, _ state: inout DashboardState) -> [DashboardEffect] {
        for index in state.screens.indices { _ = state.updateScreen(index) { $0.hear(event, &$1) } }
        guard var overlay = state.overlay else { return [] }
        let outcome = overlay.update { $0.hear(event, &state.shared) }
        state.overlay = overlay
        return perform(outcome, &state)
    }

    /// Does what a screen or a box asked: its effects (a page asked for makes keys wait for it), then where to go.
    private func perform(_ outcome: Outcome, _ state: inout DashboardState) -> [DashboardEffect] {
        var effects = outcome.effects
        if effects.contains(where: \.opensAScreen) { state.keysAwaitingPage = [] }
        switch outcome.navigation {
        case .none:
            break
        case .open(let screens):
            state.open(screens)
        case .close:
            if !state.closeScreen() { return effects + perform(.go(.quit), &state) }
        case .show(let overlay):
            state.overlay = overlay
        case .closeOverlay(let then):
            state.overlay = nil
            if let then { effects += tell(then, &state) }
        case .quit:
            state.shouldQuit = true
            effects.append(.quit)
        }
        return effects
    }

    /// Ends the wait for a page: the keys typed meanwhile are handled, in order.
    private func replayKeysAwaitingPage(_ state: inout DashboardState) -> [DashboardEffect] {
        let typed = state.keysAwaitingPage ?? []
        state.keysAwaitingPage = nil
        return typed.flatMap { handle($0, &state) }
    }
}

extension DashboardEffect {
    /// Whether the effect reads something that opens a screen (a creator page, a comparison): keys typed meanwhile
    /// wait for it.
    var opensAScreen: Bool {
        switch self {
        case .openCreator, .openLatest, .compare: true
        default: false
        }
    }
}
