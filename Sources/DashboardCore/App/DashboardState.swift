import Foundation

/// Everything the dashboard shows: the stack of screens (each opened from the one before), the box over them if
/// any, and what they share. Changed by ``DashboardReducer`` as actions come; drawn by ``DashboardView``.
public struct DashboardState: Sendable, Equatable {
    /// The screens open, in the order they were opened: the first is where the dashboard started (the lists, a
    /// creator page of `ylytic open`, or how to set a token), and the last is shown.
    public private(set) var screens: [Screen]
    /// The box over the screen shown, if any.
    public internal(set) var overlay: Overlay?
    public var shared: Shared
    /// While a page is being read (or its posts' text), the keys typed meanwhile, for the page; nil otherwise.
    public internal(set) var keysAwaitingPage: [Key]?
    public internal(set) var shouldQuit = false
    /// Whether the dashboard was left by Ctrl-C, a signal or the terminal going away rather than by its quit key:
    /// the command then exits 130, as an interrupted command does.
    public internal(set) var wasInterrupted = false
    /// Submissions asked for here that the store has not written yet, each shown as a row of its own.
    var submissionsAwaitingStore = SubmissionsAwaitingStore()

    /// The most keys kept for a page being read.
    static let mostKeysAwaitingPage = 32

    /// A dashboard on its lists.
    public init(now: Date, source: String, settings: DashboardSettings = DashboardSettings()) {
        shared = Shared(now: now, source: source, settings: settings)
        screens = [.lists(ListsScreen(settings: settings))]
    }

    /// Starts on `opened` alone (the page of `ylytic open`, or how to set a token): leaving the last of them quits.
    /// Keys typed before a page's posts' text is read (``CreatorPage/hasPostText``) wait for it.
    public mutating func start(on opened: [Screen]) {
        guard !opened.isEmpty else { return }
        screens = opened
        shared.isOnlyScreen = screens.count == 1
        let awaitsText = opened.contains { screen in
            if case .creator(let page) = screen { return !page.page.hasPostText }
            return false
        }
        keysAwaitingPage = awaitsText ? [] : nil
    }

    /// The screen shown.
    public var screen: Screen { screens[screens.count - 1] }

    /// The lists, when the dashboard started on them.
    public var lists: ListsScreen? {
        if case .lists(let lists) = screens[0] { return lists }
        return nil
    }

    /// Whether a page is being read, and keys wait for it.
    public var isAwaitingPage: Bool { keysAwaitingPage != nil }

    mutating func open(_ opened: [Screen]) {
        screens += opened
        shared.isOnlyScreen = screens.count == 1
    }

    /// Closes the screen shown; false (and nothing closed) when it is the only one.
    mutating func closeScreen() -> Bool {
        guard screens.count > 1 else { return false }
        screens.removeLast()
        shared.isOnlyScreen = screens.count == 1
        return true
    }

    /// Runs `body` on screen `index`, and keeps what it changed.
    mutating func updateScreen<Result>(_ index: Int, _ body: (inout any Component, inout Shared) -> Result) -> Result {
        var shared = self.shared
        defer { self.shared = shared }
        return screens[index].update { body(&$0, &shared) }
    }

    /// Runs `body` on the lists, when the dashboard has them.
    mutating func updateLists<Result>(_ body: (inout ListsScreen, inout Shared) -> Result) -> Result? {
        guard case .lists(var lists) = screens[0] else { return nil }
        screens[0] = .vacant
        defer { screens[0] = .lists(lists) }
        return body(&lists, &shared)
    }
}
