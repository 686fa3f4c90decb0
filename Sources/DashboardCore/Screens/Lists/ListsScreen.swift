import Presentation
import TextGrid

/// The lists the dashboard starts on, under a tab each (Requests, Creators, Rosters), with a header of counts and,
/// on a screen wide enough, a preview of the selected request's or creator's page (or roster's summary) beside the
/// list.
public struct ListsScreen: Component {
    /// The lists, in the order Tab goes through them.
    public enum Tab: String, Sendable, CaseIterable {
        case requests, creators, rosters
    }

    /// The page the preview pane shows: the response of `requestID`, once read.
    public struct Preview: Sendable, Equatable {
        public var requestID: String?
        public var page: CreatorPage?
    }

    public internal(set) var tab = Tab.requests
    public internal(set) var requests: RequestsTab
    public internal(set) var creators: CreatorsTab
    public internal(set) var rosters = RostersTab()
    public private(set) var preview = Preview()

    /// The least width at which a list has a preview pane beside it.
    public static let previewMinimumWidth = 160

    public init(settings: DashboardSettings) {
        requests = RequestsTab(sort: settings.requestsSort)
        creators = CreatorsTab(sort: settings.creatorsSort)
    }

    public var context: KeyContext { .list }

    // MARK: Layout

    /// Whether the preview pane is on screen: wanted, and room for it.
    public func showsPreview(_ shared: Shared) -> Bool {
        shared.settings.preview && shared.width >= Self.previewMinimumWidth
    }

    /// The columns the list takes: all of them, or with a preview pane 45% (at least 80); then a blank column, the
    /// pane's border and the pane.
    public func listWidth(_ shared: Shared) -> Int {
        showsPreview(shared) ? max(80, shared.width * 45 / 100) : shared.width
    }

    /// Where the list is drawn: below the header, above the status bar, left of the preview pane.
    func listArea(_ shared: Shared) -> Rect {
        Rect(x: 0, y: 1, width: listWidth(shared), height: max(0, shared.height - 2))
    }

    // MARK: The list shown

    private var shownTab: any ListTab {
        switch tab {
        case .requests: requests
        case .creators: creators
        case .rosters: rosters
        }
    }

    /// Runs `body` on the list shown.
    private mutating func withShownTab<Result>(_ body: (inout any ListTab) -> Result) -> Result {
        var shown = shownTab
        defer {
            switch shown {
            case let changed as RequestsTab: requests = changed
            case let changed as CreatorsTab: creators = changed
            case let changed as RostersTab: rosters = changed
            default: break
            }
        }
        return body(&shown)
    }

    // MARK: Component

    public func offers(_ shared: Shared) -> [Offer] {
        let next = Tab.allCases[(Tab.allCases.firstIndex(of: tab)! + 1) % Tab.allCases.count]
        var offers = [
            Offer(.switchTab, "switch between Requests, Creators and Rosters", hint: next.rawValue, rank: 3),
            Offer(.previousTab, "the tab before"),
            Offer(.newRequest, "new request (type or paste a URL)", hint: "new", rank: 1),
        ]
        offers += shownTab.offers(shared)
        offers.append(
            Offer(
                .toggleLive, "pause or resume polling (another process takes the requests over)",
                hint: shared.connection.isLive ? "pause" : "resume", rank: shared.connection.isLive ? 7 : 1))
        if tab != .rosters {
            let previewHint = shared.width >= Self.previewMinimumWidth ? (showsPreview(shared) ? "hide preview" : "preview") : nil
            offers.append(Offer(.togglePreview, "show or hide the preview pane (160 columns or wider)", hint: previewHint, rank: 10))
        }
        offers += [Offer(.help, "show this help", hint: "help", rank: 0), Offer(.quit, "quit", hint: "quit", rank: 0)]
        return offers
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        shared.clearNotice()
        switch command {
        case .switchTab, .previousTab:
            let step = command == .switchTab ? 1 : Tab.allCases.count - 1
            tab = Tab.allCases[((Tab.allCases.firstIndex(of: tab) ?? 0) + step) % Tab.allCases.count]
        case .newRequest:
            return .go(.show(.newRequest(RequestForm())))
        case .toggleLive:
            shared.connection.isLive.toggle()
            return Outcome([.setLiveUpdates(shared.connection.isLive)])
        case .togglePreview:
            shared.settings.preview.toggle()
            if shared.width < Self.previewMinimumWidth {
                shared.tell("The preview pane needs a terminal \(Self.previewMinimumWidth) columns wide.")
            }
        case .back where tab == .creators && creators.view != nil:
            creators.show(nil, area: listArea(shared), &shared)
        case .help:
            return .go(.show(.help(Help(context: context, offers: offers(shared)))))
        case .quit:
            return .go(.quit)
        default:
            let area = listArea(shared)
            return withShownTab { tab in tab.runListCommand(command, area: area, &shared) ? .nothing : tab.run(command, area: area, &shared) }
        }
        return .nothing
    }

    public var isTyping: Bool { shownTab.isTyping }

    public mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome {
        guard isTyping else { return .nothing }
        let area = listArea(shared), now = shared.now
        withShownTab { $0.type(key, area: area, now: now) }
        return .nothing
    }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome {
        let area = listArea(shared)
        switch event {
        case .previewLoaded(let requestID, let page):
            if requestID == preview.requestID { preview.page = page }
        case .selectRequest:
            tab = .requests
            requests.hear(event, area: area, shared)
        case .applyView(let view):
            tab = .creators
            creators.show(view, area: area, &shared)
        case .rostersLoaded, .creatorsLoaded, .requestsLoaded, .firstPage, .requestsChanged, .requestsRemoved, .resized:
            requests.hear(event, area: area, shared)
            creators.hear(event, area: area, shared)
            rosters.hear(event, area: area, shared)
        case .postText:
            break
        }
        return .nothing
    }

    public mutating func point(_ mouse: MouseInput, in area: Rect, _ shared: inout Shared) -> Outcome {
        if mouse.y == area.y, mouse.action == .click {
            if let clicked = ListsHeader(lists: self, shared: shared).tab(at: mouse.x - area.x) { tab = clicked }
            return .nothing
        }
        let list = listArea(shared)
        guard mouse.x < list.x + list.width else { return .nothing }
        let opens = withShownTab { $0.point(mouse, area: list) }
        return opens && offers(shared).offers(.open) ? run(.open, &shared) : .nothing
    }

    /// Reads the selected request's response into the preview pane when the pane shows another one, or none.
    mutating func followSelectionInPreview(_ shared: Shared) -> [DashboardEffect] {
        guard showsPreview(shared) else { return [] }
        let subject = shownTab.previewSubject
        guard subject != preview.requestID else { return [] }
        preview = Preview(requestID: subject, page: nil)
        return subject.map { [.loadPreview(requestID: $0)] } ?? []
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        ListsHeader(lists: self, shared: shared).draw(into: &grid, y: area.y)
        let (list, pane) = area.inset(top: 1).splitColumns(at: listWidth(shared))
        shownTab.draw(in: list, into: &grid, shared)
        if showsPreview(shared) { drawPreview(in: pane.inset(left: 1), into: &grid, shared) }
    }

    /// The pane beside the list: the creator page of the selected request or creator, what is known of a request
    /// that has no answer yet, or the selected roster summed up.
    private func drawPreview(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        guard area.width > 2, area.height > 0 else { return }
        grid.fill(area)
        for row in 0..<area.height { grid.put(shared.frame.vertical, in: area, x: 0, y: row, style: shared.theme[.box]) }
        let content = area.inset(left: 1)
        if let page = preview.page, preview.requestID == shownTab.previewSubject {
            CreatorPageView(page: page).drawReport(in: content, into: &grid, shared)
            return
        }
        let lines = shownTab.previewLines(shared)
        for (index, line) in lines.prefix(content.height).enumerated() {
            grid.put(
                line, in: content, x: 2, y: index + 1, style: index == 0 && lines.count == 1 ? shared.theme[.dim] : .plain,
                ellipsis: shared.glyphs.ellipsis)
        }
    }

    public func statusLine(_ shared: Shared) -> String? {
        shownTab.statusLine(shared)
    }
}
