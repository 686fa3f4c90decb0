import Foundation
import RefreshAPI

/// Changes the state for an action and returns the work to do outside.
public struct DashboardReducer: Sendable {
    public init() {}

    /// Rows a page holds at the current size.
    public static func pageSize(_ state: DashboardState) -> Int {
        max(1, state.height - 3)
    }

    public func reduce(_ state: inout DashboardState, _ action: DashboardAction) -> [DashboardEffect] {
        let effects = apply(action, &state)
        return effects + followSelectionInPreview(&state)
    }

    /// The preview pane follows the selection: when it shows another request than the
    /// selected one, that one's response is read.
    private func followSelectionInPreview(_ state: inout DashboardState) -> [DashboardEffect] {
        guard state.showsPreview else { return [] }
        let subject = state.previewSubject
        guard subject != state.previewRequestID else { return [] }
        state.previewRequestID = subject
        state.previewPage = nil
        return subject.map { [.loadPreview(requestID: $0)] } ?? []
    }

    private func apply(_ action: DashboardAction, _ state: inout DashboardState) -> [DashboardEffect] {
        switch action {
        case .key(let key):
            return handle(key, &state)
        case .mouse(let input):
            return handle(input, &state)
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            state.layOutPages()
            state.layOutPreview()
            keepSelectionInView(&state)
        case .tick(let date):
            state.now = date
            if let shown = state.noticeShownAt, date.timeIntervalSince(shown) >= state.noticeLifetime {
                state.notice = nil
            }
        case .loaded(let rows):
            state.setRows(rows)
            state.loadingTotal = nil
        case .firstPage(let rows, let total):
            guard state.rows.isEmpty else { break }
            state.setRows(rows)
            state.loadingTotal = total > rows.count ? total : nil
        case .updated(let rows):
            let ended = state.upsert(rows)
            if case .detail(let shown) = state.overlay, let row = rows.last(where: { $0.id == shown.id }) {
                state.overlay = .detail(row)
            }
            // Told only when nobody looks at the Requests list: another window in front, or another screen.
            let isWatched = state.hasFocus && state.screen == .list(.requests) && state.overlay == nil
            if !ended.isEmpty, state.notify != .off, !isWatched {
                return [.notify(Self.notification(for: ended), state.notify)]
            }
        case .previewLoaded(let requestID, let record, let history):
            guard requestID == state.previewRequestID else { break }
            state.previewPage = CreatorPage(record: record, history: history)
            state.layOutPreview()
        case .creatorsLoaded(let creators):
            state.setCreators(creators)
        case .rosterAdditionRefused(let name, let targets, let reason):
            if state.overlay == nil { state.overlay = .addToRoster(LineEditor(name), targets) }
            state.notice = (reason, true)
        case .focus(let isInFront):
            state.hasFocus = isInFront
        case .rostersLoaded(let rosters):
            state.setRosters(rosters)
            keepSelectionInView(&state)
        case .comparisonLoaded(let creators):
            state.isOpeningPage = false
            state.typedAhead = []
            var comparison = Comparison(creators: creators)
            comparison.layOut(width: state.width, ascii: state.ascii)
            state.open([.compare(comparison)])
        case .creatorLoaded(var page):
            state.overlay = nil
            page.layOut(width: state.width, height: state.height, ascii: state.ascii)
            state.open(Screen.opening(page))
            // Keys typed while the page was read were meant for it; they wait for its posts' text if that is to come.
            if page.hasPostText { return replayTypedAhead(&state) }
            state.isOpeningPage = true
        case .postTextLoaded(let record):
            state.takePostText(from: record)
            return replayTypedAhead(&state)
        case .removed(let ids):
            state.remove(ids: Set(ids))
            if case .detail(let shown) = state.overlay, ids.contains(shown.id) { state.overlay = nil }
            if case .confirmForget(let shown) = state.overlay, ids.contains(shown.id) { state.overlay = nil }
        case .problem(let text):
            state.notice = (text, true)
            state.isOpeningPage = false
            state.typedAhead = []
        case .notice(let text):
            state.notice = (text, false)
        case .joined(let target, let row):
            // "Submitting…" no longer holds: nothing was sent.
            state.notice = nil
            if state.overlay == nil { state.overlay = .joined(target, row) }
        case .storeConnection(let reason):
            let wasOffline = state.storeOffline != nil
            state.storeOffline = reason
            if let reason {
                state.notice = ("Lost the connection to the store (\(reason)); reconnecting…", true)
            } else if wasOffline {
                state.notice = ("The store is back; what changed meanwhile is shown.", false)
            }
        }
        return []
    }

    /// Ends the wait for a page: the keys typed meanwhile are handled, in order.
    private func replayTypedAhead(_ state: inout DashboardState) -> [DashboardEffect] {
        state.isOpeningPage = false
        let typed = state.typedAhead
        state.typedAhead = []
        return typed.flatMap { handle($0, &state) }
    }

    private func handle(_ key: Key, _ state: inout DashboardState) -> [DashboardEffect] {
        if key == .control("c") {
            state.shouldQuit = true
            return [.quit]
        }
        if state.setupHint != nil {
            if key == .character("q") || key == .escape {
                state.shouldQuit = true
                return [.quit]
            }
            return []
        }
        if state.isOpeningPage {
            if state.typedAhead.count < 32 { state.typedAhead.append(key) }
            return []
        }
        if let overlay = state.overlay { return handle(key, in: overlay, &state) }
        switch state.screen {
        case .list: break
        case .creator(let page): return handleCreatorPage(key, page, &state)
        case .posts(let view): return handlePosts(key, view, &state)
        case .post: return handlePost(key, &state)
        case .roster(let screen): return handleRoster(key, screen, &state)
        case .compare(let comparison): return handleComparison(key, comparison, &state)
        }
        if state.isEditingFilter { return editFilter(key, &state) }
        guard let command = state.bindings.command(for: key, in: .list) else {
            if key == .escape, !state.filter.isEmpty { state.filter = "" }
            return []
        }
        state.notice = nil
        return run(command, &state)
    }

    private func run(_ command: Command, _ state: inout DashboardState) -> [DashboardEffect] {
        let page = Self.pageSize(state)
        switch command {
        case .moveUp: moveSelection(&state, by: -1)
        case .moveDown: moveSelection(&state, by: 1)
        case .pageUp: moveSelection(&state, by: -page)
        case .pageDown: moveSelection(&state, by: page)
        case .first: moveSelection(&state, to: 0)
        case .last: moveSelection(&state, to: Int.max)
        case .filter: state.isEditingFilter = true
        case .switchTab:
            let tabs = DashboardState.Tab.allCases
            state.tab = tabs[((tabs.firstIndex(of: state.tab) ?? 0) + 1) % tabs.count]
        case let command where state.tab == .rosters && Self.rosterCommands.contains(command):
            return runOnRosters(command, &state)
        case .mark, .markAll, .compare, .addToRoster, .refreshStale:
            return runOnMarks(command, &state)
        case .sort where state.tab == .creators:
            // Only the columns shown, so that the sort never lands where its arrow cannot be seen.
            let columns = CreatorsTable.sortColumns(forWidth: state.listWidth)
            guard !columns.isEmpty else { break }
            state.creatorSort = columns[((columns.firstIndex(of: state.creatorSort) ?? -1) + 1) % columns.count]
            state.creatorsAscending = state.creatorSort == .name || state.creatorSort == .platform
            state.notice = ("Sorted by \(state.creatorSort.rawValue).", false)
        case .reverseSort where state.tab == .creators:
            state.creatorsAscending.toggle()
        case .refreshAgain where state.tab == .creators:
            if !state.marked.isEmpty { return runOnMarks(.refreshAgain, &state) }
            guard let creator = state.selectedCreator else { break }
            state.notice = ("Refreshing \(creator.refreshTarget) again…", false)
            return [.submit(creator.refreshTarget)]
        case .open where state.tab == .creators:
            if let creator = state.selectedCreator, creator.latestRequestID != nil {
                state.isOpeningPage = true
                return [.openLatest(creator)]
            }
        case .forget where state.tab == .creators:
            state.notice = ("Forget a creator's requests from the Requests list (Tab).", false)
        case .sort:
            let columns = RequestsTable.sortColumns(forWidth: state.listWidth)
            guard !columns.isEmpty else { break }
            state.sort = columns[((columns.firstIndex(of: state.sort) ?? -1) + 1) % columns.count]
            state.ascending = state.sort != .submitted && state.sort != .followers
            state.notice = ("Sorted by \(state.sort.rawValue).", false)
        case .reverseSort:
            state.ascending.toggle()
        case .newRequest:
            state.overlay = .newRequest(RequestForm())
        case .refreshAgain:
            guard let row = state.selectedRow, let type = row.type else { break }
            state.notice = ("Refreshing \(type.rawValue) \(row.target) again…", false)
            return [.submit(RefreshTarget(uncheckedType: type, value: row.target))]
        case .toggleLive:
            state.liveUpdates.toggle()
            return [.setLiveUpdates(state.liveUpdates)]
        case .forget:
            if let row = state.selectedRow { state.overlay = .confirmForget(row) }
        case .open:
            guard let row = state.selectedRow else { break }
            if row.phase == .succeeded, row.requestID != nil {
                state.isOpeningPage = true
                return [.openCreator(row)]
            }
            state.overlay = .detail(row)
        case .togglePreview:
            state.wantsPreview.toggle()
            if state.width < DashboardState.previewMinimumWidth {
                state.notice = ("The preview pane needs a terminal \(DashboardState.previewMinimumWidth) columns wide.", false)
            }
        case .help:
            state.overlay = .help
        case .quit:
            state.shouldQuit = true
            return [.quit]
        case .back, .showPosts, .exactNumbers, .exportPosts, .sponsoredOnly, .nextColumns, .previousColumns,
            .exportComparison:
            break
        }
        keepSelectionInView(&state)
        return []
    }

    private func handle(_ key: Key, in overlay: DashboardState.Overlay, _ state: inout DashboardState)
        -> [DashboardEffect]
    {
        switch overlay {
        case .help, .detail:
            if key == .escape || key == .enter || key == .character("q") || key == .character("?")
                || key == .backspace
            {
                state.overlay = nil
            }
            return []
        case .joined(let target, let row):
            switch key {
            case .enter:
                state.overlay = nil
                state.select(id: row.id)
            case .character("f"), .character("F"):
                state.overlay = nil
                return [.forceSubmit(target)]
            case .escape, .character("q"):
                state.overlay = nil
            default:
                break
            }
            return []
        case .addToRoster(var field, let targets):
            switch key {
            case .escape:
                state.overlay = nil
            case .enter:
                let name = field.text.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { return [] }
                state.overlay = nil
                return [.addToRoster(name: name, targets)]
            case .tab:
                // The first roster whose name starts with what is typed.
                let typed = field.text.lowercased()
                if let match = state.rosters.first(where: { $0.name.lowercased().hasPrefix(typed) }) {
                    field = LineEditor(match.name)
                }
                state.overlay = .addToRoster(field, targets)
            default:
                _ = field.handle(key)
                state.overlay = .addToRoster(field, targets)
            }
            return []
        case .confirmForget(let row):
            state.overlay = nil
            if key == .character("y") || key == .character("Y") || key == .enter { return [.forget(row)] }
            return []
        case .newRequest(var form):
            switch key {
            case .escape:
                state.overlay = nil
                return []
            case .tab, .down:
                form.nextType(by: 1)
            case .backTab, .up:
                form.nextType(by: -1)
            case .enter:
                switch form.target() {
                case .success(let target):
                    state.overlay = nil
                    state.notice = ("Submitting \(target)…", false)
                    return [.submit(target)]
                case .failure(let error):
                    form.error = error.message
                }
            default:
                if form.field.handle(key) { form.error = nil }
            }
            state.overlay = .newRequest(form)
            return []
        }
    }

    /// A click selects the row under it (a click on the selected row opens it, as a
    /// double click does) or the tab; the wheel moves the selection or scrolls the page.
    private func handle(_ input: MouseInput, _ state: inout DashboardState) -> [DashboardEffect] {
        guard state.setupHint == nil, state.overlay == nil, !state.isOpeningPage else { return [] }
        let step = MouseInput.wheelStep
        switch (state.screen, input.action) {
        case (.list, .wheelUp): moveSelection(&state, by: -step)
        case (.list, .wheelDown): moveSelection(&state, by: step)
        case (.list, .click) where input.y == 0:
            if let tab = RequestsScreen.tab(at: input.x, state) { state.tab = tab }
        case (.list(let tab), .click):
            let (count, scroll, selection) =
                switch tab {
                case .requests: (state.visible.count, state.scroll, state.selection)
                case .creators: (state.visibleCreators.count, state.creatorScroll, state.creatorSelection)
                case .rosters: (state.visibleRosters.count, state.rosterScroll, state.rosterSelection)
                }
            let position = scroll + input.y - 2
            guard input.y >= 2, input.y < state.height - 1, input.x < state.listWidth, position < count else { break }
            if position == selection { return run(.open, &state) }
            moveSelection(&state, to: position)
        case (.creator(var page), .wheelUp), (.creator(var page), .wheelDown):
            page.layOut(width: state.width, height: state.height, ascii: state.ascii)
            let bottom = max(0, page.lines.count - max(1, state.height - 2))
            page.scroll = min(max(0, page.scroll + (input.action == .wheelUp ? -step : step)), bottom)
            state.replaceScreen(with: .creator(page))
        case (.posts(var view), _):
            let page = max(1, state.height - 4)
            switch input.action {
            case .wheelUp: view.selection -= step
            case .wheelDown: view.selection += step
            case .click:
                let position = view.scroll + input.y - 2
                guard input.y >= 2, input.y < state.height - 2, position < view.order.count else { return [] }
                if position == view.selection, let post = view.selectedPost {
                    state.open([.post(post)])
                    return []
                }
                view.selection = position
            }
            view.selection = min(max(0, view.selection), max(0, view.order.count - 1))
            if view.selection < view.scroll { view.scroll = view.selection }
            if view.selection >= view.scroll + page { view.scroll = view.selection - page + 1 }
            state.replaceScreen(with: .posts(view))
        default: break
        }
        keepSelectionInView(&state)
        return []
    }

    /// Leaves the screen shown; leaving the only one quits.
    func close(_ state: inout DashboardState) -> [DashboardEffect] {
        if state.closeScreen() { return [] }
        state.shouldQuit = true
        return [.quit]
    }

    private func handleCreatorPage(_ key: Key, _ page: CreatorPage, _ state: inout DashboardState) -> [DashboardEffect] {
        var page = page
        guard let command = state.bindings.command(for: key, in: .creator) else { return [] }
        page.layOut(width: state.width, height: state.height, ascii: state.ascii)
        let lines = page.lines.count
        let visible = max(1, state.height - 2)
        let bottom = max(0, lines - visible)
        switch command {
        case .showPosts:
            guard let posts = page.record.response?.posts, !posts.video.isEmpty || !posts.nonVideo.isEmpty else {
                state.notice = ("This refresh has no posts.", true)
                return []
            }
            var view = PostsView(posts: posts)
            view.sort = state.postsSort.column
            view.ascending = state.postsSort.ascending
            state.open([.posts(view)])
            return []
        case .back, .quit:
            return close(&state)
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last:
            page.scroll = Self.scrolled(page.scroll, by: command, visible: visible, bottom: bottom)
        case .help:
            state.overlay = .help
        case .exactNumbers:
            page.exact.toggle()
            page.layOut(width: state.width, height: state.height, ascii: state.ascii)
            state.notice = (page.exact ? "Exact numbers." : "Short numbers.", false)
        case .exportPosts:
            guard page.record.response?.posts != nil else {
                state.notice = ("This refresh has no posts to export.", true)
                return []
            }
            return [.exportPosts(page.record)]
        default: break
        }
        page.scroll = min(max(0, page.scroll), bottom)
        state.replaceScreen(with: .creator(page))
        return []
    }

    /// Where a page scrolled by line, page, top or bottom starts; `visible` lines show, and `bottom` is the last
    /// start.
    static func scrolled(_ scroll: Int, by command: Command, visible: Int, bottom: Int) -> Int {
        let moved =
            switch command {
            case .moveDown: scroll + 1
            case .moveUp: scroll - 1
            case .pageDown: scroll + visible
            case .pageUp: scroll - visible
            case .first: 0
            case .last: bottom
            default: scroll
            }
        return min(max(0, moved), bottom)
    }

    private func handlePost(_ key: Key, _ state: inout DashboardState) -> [DashboardEffect] {
        switch state.bindings.command(for: key, in: .post) {
        case .back: return close(&state)
        case .help: state.overlay = .help
        default: break
        }
        return []
    }

    private func handlePosts(_ key: Key, _ table: PostsView, _ state: inout DashboardState) -> [DashboardEffect] {
        var view = table
        defer { if case .posts = state.screen { state.replaceScreen(with: .posts(view)) } }
        if view.isEditingFilter {
            switch key {
            case .escape:
                view.filter = ""
                view.isEditingFilter = false
            case .enter: view.isEditingFilter = false
            default: _ = view.filterField.handle(key)
            }
            view.selection = 0
            view.scroll = 0
            return []
        }
        let page = max(1, state.height - 4)
        switch state.bindings.command(for: key, in: .posts) {
        case .back, .quit:
            return close(&state)
        case .switchTab:
            view.showsVideos.toggle()
            view.selection = 0
        case .sort:
            let columns = PostsView.SortColumn.allCases
            view.sort = columns[((columns.firstIndex(of: view.sort) ?? 0) + 1) % columns.count]
            view.ascending = false
        case .reverseSort: view.ascending.toggle()
        case .sponsoredOnly:
            view.sponsoredOnly.toggle()
            view.selection = 0
        case .filter: view.isEditingFilter = true
        case .help: state.overlay = .help
        case .moveDown: view.selection += 1
        case .moveUp: view.selection -= 1
        case .pageDown: view.selection += page
        case .pageUp: view.selection -= page
        case .first: view.selection = 0
        case .last: view.selection = Int.max / 2
        case .open:
            if let post = view.selectedPost {
                state.replaceScreen(with: .posts(view))
                state.open([.post(post)])
            }
            return []
        default: break
        }
        let count = view.order.count
        view.selection = min(max(0, view.selection), max(0, count - 1))
        if view.selection < view.scroll { view.scroll = view.selection }
        if view.selection >= view.scroll + page { view.scroll = view.selection - page + 1 }
        return []
    }

    private func editFilter(_ key: Key, _ state: inout DashboardState) -> [DashboardEffect] {
        switch key {
        case .escape:
            state.filter = ""
            state.isEditingFilter = false
        case .enter:
            state.isEditingFilter = false
        case .up, .down, .pageUp, .pageDown:
            state.isEditingFilter = false
            return handle(key, &state)
        default:
            _ = state.filterField.handle(key)
        }
        state.selection = min(state.selection, max(0, state.visible.count - 1))
        state.rosterSelection = min(state.rosterSelection, max(0, state.visibleRosters.count - 1))
        keepSelectionInView(&state)
        return []
    }

    func moveSelection(_ state: inout DashboardState, by offset: Int) {
        let current =
            switch state.tab {
            case .requests: state.selection
            case .creators: state.creatorSelection
            case .rosters: state.rosterSelection
            }
        moveSelection(&state, to: current + offset)
    }

    func moveSelection(_ state: inout DashboardState, to index: Int) {
        switch state.tab {
        case .requests:
            state.selection = min(max(0, index), max(0, state.visible.count - 1))
            state.selectionIsChosen = true
        case .creators:
            state.creatorSelection = min(max(0, index), max(0, state.visibleCreators.count - 1))
            state.creatorSelectionIsChosen = true
        case .rosters:
            state.rosterSelection = min(max(0, index), max(0, state.visibleRosters.count - 1))
        }
    }

    func keepSelectionInView(_ state: inout DashboardState) {
        let page = Self.pageSize(state)
        func fit(_ selection: Int, _ scroll: inout Int, count: Int) {
            if selection < scroll { scroll = selection }
            if selection >= scroll + page { scroll = selection - page + 1 }
            scroll = max(0, min(scroll, max(0, count - page)))
        }
        fit(state.selection, &state.scroll, count: state.visible.count)
        fit(state.creatorSelection, &state.creatorScroll, count: state.visibleCreators.count)
        fit(state.rosterSelection, &state.rosterScroll, count: state.visibleRosters.count)
    }
}
