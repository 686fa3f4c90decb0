/// What a key can do. Which commands a screen has, and what each means there, depends
/// on the screen (``KeyContext``): `moveDown` selects the next row of a list and
/// scrolls a creator page.
public enum Command: String, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case switchTab, filter, sort, reverseSort, newRequest, refreshAgain, toggleLive, forget, open, togglePreview
    case showPosts, exactNumbers, exportPosts, sponsoredOnly
    case mark, markAll, refreshStale, addToRoster, compare, nextColumns, previousColumns, exportComparison
    case help, back, quit

    /// The words of the help overlay for the command on a screen.
    public func summary(in context: KeyContext) -> String {
        switch (self, context) {
        case (.moveUp, .creator): "scroll up a line"
        case (.moveDown, .creator): "scroll down a line"
        case (.first, .creator): "the top of the page"
        case (.last, .creator): "the bottom of the page"
        case (.switchTab, .posts): "videos or other posts"
        case (.sort, .posts): "sort by the next column"
        case (.filter, .posts): "filter by caption or hashtag"
        case (.open, .posts): "the selected post whole"
        case (.back, .post): "back to the posts"
        case (.moveUp, .compare): "scroll up a line"
        case (.moveDown, .compare): "scroll down a line"
        case (.switchTab, _): "switch between Requests, Creators and Rosters"
        case (.refreshAgain, .roster): "refresh the marked creators (else the selected one)"
        case (.refreshAgain, .list): "refresh: the marked creators, else the selected row"
        case (.open, .list): "open the selected request, creator or roster"
        case (.open, .roster): "the selected creator's page"
        case (.moveUp, _): "select the row above"
        case (.moveDown, _): "select the row below"
        case (.pageUp, _): "one page up"
        case (.pageDown, _): "one page down"
        case (.first, _): "first row"
        case (.last, _): "last row"
        case (.filter, _): "filter as you type (Esc clears)"
        case (.sort, _): "sort by the next column"
        case (.reverseSort, _): "reverse the sort"
        case (.newRequest, _): "new request (type or paste a URL)"
        case (.refreshAgain, _): "refresh the selected creator again"
        case (.toggleLive, _): "pause or resume live updates"
        case (.forget, _): "forget the selected request"
        case (.open, _): "open the selected request or creator"
        case (.togglePreview, _): "show or hide the preview pane (160 columns or wider)"
        case (.showPosts, _): "the posts table"
        case (.exactNumbers, _): "exact numbers or short forms"
        case (.exportPosts, _): "write the posts as CSV"
        case (.sponsoredOnly, _): "sponsored posts only"
        case (.mark, _): "mark or unmark the selected creator"
        case (.markAll, _): "mark every creator shown (again: unmark them)"
        case (.refreshStale, _): "refresh every stale creator of the roster"
        case (.addToRoster, _): "add the marked creators (else the selected one) to a roster"
        case (.compare, _): "compare the 2 to 4 marked creators side by side"
        case (.nextColumns, _): "the next creators"
        case (.previousColumns, _): "the creators before"
        case (.exportComparison, _): "write the comparison as CSV"
        case (.help, _): "show or hide this help"
        case (.back, _): "back (quits when there is nothing to go back to)"
        case (.quit, _): "quit"
        }
    }

    /// The word the status bar shows after the key, or nil for commands it leaves to the help.
    public func hint(in context: KeyContext, state: DashboardState) -> String? {
        switch (self, context) {
        case (.switchTab, .list):
            DashboardState.Tab.allCases[(DashboardState.Tab.allCases.firstIndex(of: state.tab)! + 1) % DashboardState.Tab.allCases.count].rawValue
        case (.switchTab, .posts): "videos/posts"
        case (.newRequest, _): "new"
        case (.refreshAgain, .list) where state.tab == .rosters: "refresh all"
        case (.refreshAgain, .list) where state.tab == .creators && !state.marked.isEmpty: "refresh \(state.marked.count)"
        case (.refreshAgain, _): "refresh"
        case (.mark, .list): state.tab == .creators ? "mark" : nil
        case (.compare, .list): state.tab == .creators && state.marked.count >= 2 ? "compare \(state.marked.count)" : nil
        case (.refreshStale, .list): state.tab == .rosters ? "refresh stale" : nil
        case (.filter, _): "filter"
        case (.sort, _): "sort"
        case (.toggleLive, _): "pause"
        case (.forget, _): "forget"
        case (.open, _): "open"
        case (.togglePreview, _): state.width >= DashboardState.previewMinimumWidth ? (state.showsPreview ? "hide preview" : "preview") : nil
        case (.moveDown, .creator): "scroll"
        case (.showPosts, _): "posts"
        case (.exactNumbers, _): "exact numbers"
        case (.exportPosts, _): "export posts (CSV)"
        case (.sponsoredOnly, _): "sponsored"
        case (.mark, _): "mark"
        case (.refreshStale, _): "refresh stale"
        case (.addToRoster, _): "add to roster"
        case (.compare, _): state.marked.count >= 2 ? "compare \(state.marked.count)" : "compare"
        case (.nextColumns, _):
            if case .compare(let comparison) = state.screen, comparison.creators.count > comparison.perPage { "more" } else { nil }
        case (.exportComparison, _): "export (CSV)"
        case (.help, _): "help"
        case (.back, .post): "back to the posts"
        case (.back, _): state.screens.count == 1 ? "quit" : "back"
        case (.quit, _): "quit"
        default: nil
        }
    }
}
