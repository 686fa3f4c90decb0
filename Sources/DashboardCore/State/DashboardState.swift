import Foundation
import RefreshAPI

/// Everything the dashboard shows. Changed only by ``DashboardReducer``.
public struct DashboardState: Sendable {
    /// A column the list can be sorted by.
    public enum SortColumn: String, Sendable, CaseIterable {
        case submitted, type, target, state, followers, name
    }

    /// The top-level lists, in the order Tab goes through them.
    public enum Tab: String, Sendable, CaseIterable {
        case requests, creators, rosters
    }

    /// A column the creators list can be sorted by.
    public enum CreatorSortColumn: String, Sendable, CaseIterable {
        case refreshed, name, platform, tier, followers, engagement, change
    }

    /// What covers the list, if anything.
    public enum Overlay: Sendable, Equatable {
        case help
        case confirmForget(RequestRow)
        case newRequest(RequestForm)
        case detail(RequestRow)
        /// A new request's target was already under way or fresh in the store: follow that one, or force another.
        case joined(RefreshTarget, RequestRow)
        /// The marked creators go to the roster named here (a new one when no roster has the name).
        case addToRoster(LineEditor, [RefreshTarget])
    }

    public private(set) var rows: [RequestRow] = []
    /// Indices into `rows` of what the filter lets through, in sort order.
    public private(set) var visible: [Int] = []
    /// The filter as typed, with its cursor.
    public var filterField = LineEditor() {
        didSet {
            guard filterField.text != oldValue.text else { return }
            refreshVisible()
            refreshVisibleCreators()
        }
    }
    /// What rows must contain to be shown.
    public var filter: String {
        get { filterField.text }
        set { filterField = LineEditor(newValue) }
    }
    public var isEditingFilter = false
    public var sort = SortColumn.submitted { didSet { refreshVisible() } }
    public var ascending = false { didSet { refreshVisible() } }
    public var selection = 0
    public var scroll = 0
    /// Whether the person moved the selection: only then does it stay on the same request
    /// as rows come and go (otherwise it stays on the top row, as new requests arrive there).
    public var selectionIsChosen = false
    public var liveUpdates = true
    /// Why the store cannot be reached, while its connection is lost: the header says "offline" meanwhile.
    public var storeOffline: String?
    /// How many requests the store has, while only the newest are shown and the rest are being read.
    public var loadingTotal: Int?
    public var overlay: Overlay?
    /// Whether a creator page is being read, or its posts' text: keys typed meanwhile wait for it.
    public internal(set) var isOpeningPage = false
    /// Keys typed while a page was being read, for the page.
    var typedAhead: [Key] = []
    /// The screens open, in the order they were opened: the first is where the dashboard
    /// started (a list, or the creator page of `ylytic open`), and the last is shown.
    public private(set) var screens: [Screen] = [.list(.requests)]
    public private(set) var creators: [CreatorRow] = []
    /// Indices into `creators` of what the filter lets through, in sort order.
    public private(set) var visibleCreators: [Int] = []
    public var creatorSort = CreatorSortColumn.refreshed { didSet { refreshVisibleCreators() } }
    public var creatorsAscending = false { didSet { refreshVisibleCreators() } }
    public var creatorSelection = 0
    public var creatorScroll = 0
    /// Whether the person moved the selection of the creators.
    public var creatorSelectionIsChosen = false
    /// The rosters in the store, by name.
    public private(set) var rosters: [RosterRow] = []
    public var rosterSelection = 0
    public var rosterScroll = 0
    /// What is marked on the creators lists (Creators, a roster), for refreshing, comparing or adding to a roster.
    public var marked: Set<MarkKey> = []
    public var now: Date
    /// A line for the status bar, and whether it reports a problem. It goes after a while (``noticeLifetime``).
    public var notice: (text: String, isError: Bool)? {
        didSet { noticeShownAt = notice == nil ? nil : now }
    }
    /// When the notice appeared.
    public private(set) var noticeShownAt: Date?

    /// How long a notice stays: ten seconds, thirty for a problem.
    public var noticeLifetime: TimeInterval { notice?.isError == true ? 30 : 10 }
    /// When set, no token is configured: the dashboard shows how to set one.
    public var setupHint: String?
    public var width = 80
    public var height = 24
    /// Which key does what on each screen.
    public var bindings = KeyBindings.standard
    /// The styles of the interface.
    public var theme = Theme.standard
    /// The sort a posts table opens with.
    public var postsSort = DashboardSettings.Sort(PostsView.SortColumn.date, ascending: false)
    /// Whether a list shows the selected row's creator page beside it, on a screen wide enough (`v`).
    public var wantsPreview = true
    /// The request whose response the preview pane shows or is reading.
    public var previewRequestID: String?
    /// The page in the preview pane, once read.
    public var previewPage: CreatorPage?
    public var ascii = false
    /// How finished refreshes are told while nobody looks at them.
    public var notify = NotificationStyle.bell
    /// Whether the terminal says its window is in front (terminals that report focus; assumed otherwise).
    public var hasFocus = true
    public var shouldQuit = false
    /// Where the data comes from, for the header (e.g. "demo simulator").
    public var source: String

    public init(now: Date, source: String) {
        self.now = now
        self.source = source
    }

    /// The least width at which a list has a preview pane beside it.
    public static let previewMinimumWidth = 160

    /// Whether the preview pane is on screen: a list shown, wide enough, and wanted.
    public var showsPreview: Bool { wantsPreview && width >= Self.previewMinimumWidth && screen.isList }

    /// The columns the list takes: all of them, or with a preview pane 45% (at least 80);
    /// then a blank column, the pane's border and the pane.
    public var listWidth: Int { showsPreview ? max(80, width * 45 / 100) : width }

    /// The columns of the preview pane's page, right of the list, the gap and the border.
    var previewWidth: Int { max(0, width - listWidth - 2) }

    /// The request whose stored response the preview pane should show: the selected
    /// request if it succeeded, or the selected creator's latest.
    public var previewSubject: String? {
        switch tab {
        case .requests: selectedRow.flatMap { $0.phase == .succeeded ? $0.requestID : nil }
        case .creators: selectedCreator?.latestRequestID
        case .rosters: nil
        }
    }

    /// The screen shown.
    public var screen: Screen { screens[screens.count - 1] }

    /// Opens screens over the one shown.
    public mutating func open(_ opened: [Screen]) {
        screens += opened
    }

    /// Starts on `opened` alone: closing the last of them quits. Keys typed before a page's posts' text is read
    /// (``CreatorPage/hasPostText``) wait for it.
    public mutating func start(on opened: [Screen]) {
        guard !opened.isEmpty else { return }
        screens = opened
        isOpeningPage = opened.contains { screen in
            if case .creator(let page) = screen { return !page.hasPostText }
            return false
        }
    }

    /// Closes the screen shown; false (and nothing closed) when it is the only one.
    public mutating func closeScreen() -> Bool {
        guard screens.count > 1 else { return false }
        screens.removeLast()
        return true
    }

    /// Puts `changed` in the place of the screen shown.
    mutating func replaceScreen(with changed: Screen) {
        screens[screens.count - 1] = changed
    }

    /// The list at the bottom of the stack (Requests when the dashboard started on a page);
    /// setting it closes every screen over the list.
    public var tab: Tab {
        get {
            if case .list(let tab) = screens[0] { return tab }
            return .requests
        }
        set {
            guard case .list = screens[0] else { return }
            screens = [.list(newValue)]
        }
    }

    /// The nearest creator page in the stack, from the top.
    public var creatorPage: CreatorPage? {
        for screen in screens.reversed() { if case .creator(let page) = screen { return page } }
        return nil
    }

    /// The nearest posts table in the stack, from the top.
    public var postsView: PostsView? {
        for screen in screens.reversed() { if case .posts(let view) = screen { return view } }
        return nil
    }

    /// Lays out the preview pane's page for the pane (the columns right of the list and its separator).
    mutating func layOutPreview() {
        guard var page = previewPage else { return }
        page.layOut(width: previewWidth, height: height - 2, ascii: ascii)
        previewPage = page
    }

    /// Puts the posts' text in the creator page opened without it; `whole` is its response read whole.
    mutating func takePostText(from whole: RefreshRecord) {
        for index in screens.indices {
            if case .creator(var page) = screens[index], !page.hasPostText {
                page.takePostText(from: whole)
                page.layOut(width: width, height: height, ascii: ascii)
                screens[index] = .creator(page)
            }
        }
    }

    /// Lays out every creator page in the stack for the screen's size.
    mutating func layOutPages() {
        for index in screens.indices {
            if case .creator(var page) = screens[index] {
                page.layOut(width: width, height: height, ascii: ascii)
                screens[index] = .creator(page)
            }
        }
    }

    /// Rows shown, in order.
    public var visibleRows: [RequestRow] { visible.map { rows[$0] } }

    public var selectedRow: RequestRow? {
        visible.indices.contains(selection) ? rows[visible[selection]] : nil
    }

    /// Rows in each phase, for the header.
    /// Kept as the rows change, so that drawing a frame does not count them again.
    public private(set) var counts: [RequestRow.Phase: Int] = [:]

    public var selectedCreator: CreatorRow? {
        visibleCreators.indices.contains(creatorSelection) ? creators[visibleCreators[creatorSelection]] : nil
    }

    /// The rosters whose name holds the filter, by name.
    public var visibleRosters: [RosterRow] {
        let query = filter.lowercased()
        return query.isEmpty ? rosters : rosters.filter { $0.name.lowercased().contains(query) }
    }

    public var selectedRoster: RosterRow? {
        let shown = visibleRosters
        return shown.indices.contains(rosterSelection) ? shown[rosterSelection] : nil
    }

    /// Replaces the rosters, keeping the selection on the same one.
    public mutating func setRosters(_ newRosters: [RosterRow]) {
        let selectedID = selectedRoster?.id
        rosters = newRosters
        let shown = visibleRosters
        if let selectedID, let position = shown.firstIndex(where: { $0.id == selectedID }) { rosterSelection = position }
        rosterSelection = min(max(0, rosterSelection), max(0, shown.count - 1))
    }

    /// The roster a roster screen shows, as it is now.
    public func roster(named name: String) -> RosterRow? {
        rosters.first { $0.id == name.lowercased() }
    }

    /// Replaces the creators (after loading the store or a finished refresh).
    public mutating func setCreators(_ newCreators: [CreatorRow]) {
        let selectedID = creatorSelectionIsChosen ? selectedCreator?.id : nil
        creators = newCreators
        refreshVisibleCreators()
        if let selectedID, let position = visibleCreators.firstIndex(where: { creators[$0].id == selectedID }) {
            creatorSelection = position
        }
        creatorSelection = min(max(0, creatorSelection), max(0, visibleCreators.count - 1))
    }

    private mutating func refreshVisibleCreators() {
        let query = filter.lowercased()
        let creators = self.creators
        var indices = Array(creators.indices)
        if !query.isEmpty {
            indices = indices.filter { index in
                let creator = creators[index]
                return [creator.key, creator.handle ?? "", creator.name ?? "", creator.tier ?? "", creator.platform.rawValue]
                    .contains { $0.lowercased().contains(query) }
            }
        }
        let ascending = creatorsAscending
        let sort = creatorSort
        func ordered(_ a: CreatorRow, _ b: CreatorRow) -> Bool {
            switch sort {
            case .refreshed: a.lastRefreshedAt < b.lastRefreshedAt
            case .name: (a.name ?? a.key).lowercased() < (b.name ?? b.key).lowercased()
            case .platform: a.platform.rawValue < b.platform.rawValue
            case .tier: Self.tierRank(a.tier) < Self.tierRank(b.tier)
            case .followers: (a.followers ?? -1) < (b.followers ?? -1)
            case .engagement: (a.engagement ?? -1) < (b.engagement ?? -1)
            case .change: (a.followerChange ?? Int.min) < (b.followerChange ?? Int.min)
            }
        }
        indices.sort { left, right in
            let a = creators[left], b = creators[right]
            if ordered(a, b) { return ascending }
            if ordered(b, a) { return !ascending }
            return a.id > b.id
        }
        visibleCreators = indices
        creatorSelection = min(max(0, creatorSelection), max(0, visibleCreators.count - 1))
    }

    /// A tier's place from early to celebrity; tiers the API names otherwise come first.
    static func tierRank(_ tier: String?) -> Int {
        tier.flatMap { InfluencerTier(rawValue: $0) }.flatMap { InfluencerTier.allCases.firstIndex(of: $0) } ?? -1
    }

    /// Replaces every row (after loading the store).
    public mutating func setRows(_ newRows: [RequestRow]) {
        let selectedID = selectionIsChosen ? selectedRow?.id : nil
        rows = newRows
        refreshVisible(keeping: selectedID)
    }

    /// Adds or updates rows, keeping the selection on the same request; a row whose phase changed is marked.
    /// Returns the rows that were under way and have just ended.
    @discardableResult
    public mutating func upsert(_ changed: [RequestRow]) -> [RequestRow] {
        guard !changed.isEmpty else { return [] }
        var ended: [RequestRow] = []
        let selectedID = selectionIsChosen ? selectedRow?.id : nil
        var positions = Dictionary(rows.indices.map { (rows[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        for row in changed {
            if let index = positions[row.id] {
                var updated = row
                updated.changedAt = rows[index].phase != row.phase ? now : rows[index].changedAt
                let wasUnderWay = [.submitting, .pending, .stale].contains(rows[index].phase)
                if wasUnderWay, row.phase == .succeeded || row.phase == .failed { ended.append(row) }
                rows[index] = updated
            } else {
                positions[row.id] = rows.count
                rows.append(row)
            }
        }
        refreshVisible(keeping: selectedID)
        return ended
    }

    /// Removes rows by the store's number; the selection stays at the same place in the list.
    public mutating func remove(ids: Set<Int64>) {
        guard rows.contains(where: { ids.contains($0.id) }) else { return }
        let selectedID = selectedRow?.id
        let selectedIndex = selection
        rows.removeAll { ids.contains($0.id) }
        refreshVisible(keeping: selectedID.flatMap { ids.contains($0) ? nil : $0 })
        if let selectedID, ids.contains(selectedID) { selection = min(selectedIndex, max(0, visible.count - 1)) }
    }

    private mutating func refreshVisible(keeping selectedID: Int64? = nil) {
        var tally: [RequestRow.Phase: Int] = [:]
        for index in rows.indices { tally[rows[index].phase, default: 0] += 1 }
        counts = tally
        let query = filter.lowercased()
        let rows = self.rows
        var indices = Array(rows.indices)
        if !query.isEmpty {
            indices = indices.filter { index in
                let row = rows[index]
                return row.target.lowercased().contains(query) || row.typeName.contains(query)
                    || row.phase.rawValue.contains(query) || (row.creatorName?.lowercased().contains(query) ?? false)
                    || (row.requestID?.contains(query) ?? false)
                    || (row.submittedBy?.lowercased().contains(query) ?? false)
            }
        }
        let ascending = self.ascending
        func ordered(_ a: RequestRow, _ b: RequestRow) -> Bool {
            switch sort {
            case .submitted: a.submittedAt < b.submittedAt
            case .type: a.typeName < b.typeName
            case .target: a.target.lowercased() < b.target.lowercased()
            case .state: a.phase.rawValue < b.phase.rawValue
            case .followers: (a.followers ?? -1) < (b.followers ?? -1)
            case .name: (a.creatorName ?? "") < (b.creatorName ?? "")
            }
        }
        indices.sort { left, right in
            let a = rows[left], b = rows[right]
            if ordered(a, b) { return ascending }
            if ordered(b, a) { return !ascending }
            return a.id > b.id
        }
        visible = indices
        if let selectedID, let position = indices.firstIndex(where: { rows[$0].id == selectedID }) {
            selection = position
        }
        selection = min(max(0, selection), max(0, visible.count - 1))
    }

    /// Selects the request with the store's number `id`, if the list shows it, and keeps the selection on it.
    public mutating func select(id: Int64) {
        guard let position = visible.firstIndex(where: { rows[$0].id == id }) else { return }
        selection = position
        selectionIsChosen = true
    }
}
