import Foundation
@testable import DashboardCore

/// Short ways for the tests to read what the dashboard holds.
extension DashboardState {
    var requests: ListState<RequestRow> { lists!.requests.list }
    var creators: ListState<CreatorRow> { lists!.creators.list }
    var rosters: ListState<RosterRow> { lists!.rosters.list }
    var tab: ListsScreen.Tab { lists!.tab }
    var selectedRow: RequestRow? { requests.selected }
    var selectedCreator: CreatorRow? { creators.selected }
    var notice: Shared.Notice? { shared.notice }

    /// The nearest creator page in the stack, from the top.
    var creatorPage: CreatorPageScreen? {
        for screen in screens.reversed() { if case .creator(let page) = screen { return page } }
        return nil
    }

    /// The nearest posts table in the stack, from the top.
    var postsScreen: PostsScreen? {
        for screen in screens.reversed() { if case .posts(let posts) = screen { return posts } }
        return nil
    }

    /// The roster screen shown, if one is.
    var rosterScreen: RosterMembersScreen? {
        if case .roster(let roster) = screen { return roster }
        return nil
    }

    /// Whether the screen shown is the lists, on `tab`.
    func showsList(_ tab: ListsScreen.Tab) -> Bool {
        screens.count == 1 && lists?.tab == tab
    }

    /// The screen shown, in a word.
    var screenKind: String {
        switch screen {
        case .lists(let lists): "list \(lists.tab)"
        case .creator: "creator"
        case .posts: "posts"
        case .post: "post"
        case .roster: "roster"
        case .compare: "compare"
        case .setup: "setup"
        }
    }

    /// Replaces the requests shown.
    mutating func load(_ rows: [RequestRow]) {
        _ = DashboardReducer().reduce(&self, .loaded(rows))
    }

    /// Replaces the creators shown.
    mutating func load(_ creators: [CreatorRow]) {
        _ = DashboardReducer().reduce(&self, .creatorsLoaded(creators))
    }

    /// Replaces the rosters shown.
    mutating func load(_ rosters: [RosterRow]) {
        _ = DashboardReducer().reduce(&self, .rostersLoaded(rosters))
    }

    /// Presses `keys` in turn.
    mutating func press(_ keys: Key...) {
        for key in keys { _ = DashboardReducer().reduce(&self, .key(key)) }
    }

    /// Types `text`, a key per character.
    mutating func type(_ text: String) {
        for character in text { _ = DashboardReducer().reduce(&self, .key(.character(character))) }
    }

    /// The rows a list page holds at this size (the header, the titles of the table and the status bar aside).
    var pageSize: Int { max(1, shared.height - 3) }
}

extension DashboardState {
    /// Marks the creators with these store numbers on the Creators list, by keys, as a person would.
    mutating func markCreators(_ ids: [Int64]) {
        for id in ids {
            guard let position = creators.visibleRows.firstIndex(where: { $0.id == id }) else { continue }
            press(.character("g"))
            for _ in 0..<position { press(.down) }
            press(.character(" "))
        }
    }

    /// Goes to a list by Tab.
    mutating func showTab(_ tab: ListsScreen.Tab) {
        while self.tab != tab { press(.tab) }
    }
}
