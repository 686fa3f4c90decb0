import TextGrid

/// A screen of the dashboard. The dashboard shows the last of a stack of them (``DashboardState/screens``): each one
/// was opened from the one before, and leaving it goes back there.
public enum Screen: Sendable, Equatable {
    /// The lists: Requests, Creators and Rosters, under their tabs.
    case lists(ListsScreen)
    /// A creator page: the report of a finished refresh.
    case creator(CreatorPageScreen)
    /// The posts of the creator page under it, as a table.
    case posts(PostsScreen)
    /// One post, whole.
    case post(PostScreen)
    /// A roster's creators, as a list.
    case roster(RosterMembersScreen)
    /// Creators side by side.
    case compare(ComparisonScreen)
    /// How to set a token, for a dashboard without one.
    case setup(SetupScreen)

    /// The screen as a component.
    public var component: any Component {
        switch self {
        case .lists(let screen): screen
        case .creator(let screen): screen
        case .posts(let screen): screen
        case .post(let screen): screen
        case .roster(let screen): screen
        case .compare(let screen): screen
        case .setup(let screen): screen
        }
    }

    /// Runs `body` on the screen as a component, and keeps what it changed. The screen is moved out meanwhile
    /// (``vacant`` holds its place), so that its rows have one owner and changing one copies none of them.
    mutating func update<Result>(_ body: (inout any Component) -> Result) -> Result {
        var component = self.component
        self = .vacant
        defer { self = Screen(component) }
        return body(&component)
    }

    /// What holds a screen's place while it is changed: nothing to copy.
    static let vacant = Screen.setup(SetupScreen(hint: ""))

    private init(_ component: any Component) {
        switch component {
        case let screen as ListsScreen: self = .lists(screen)
        case let screen as CreatorPageScreen: self = .creator(screen)
        case let screen as PostsScreen: self = .posts(screen)
        case let screen as PostScreen: self = .post(screen)
        case let screen as RosterMembersScreen: self = .roster(screen)
        case let screen as ComparisonScreen: self = .compare(screen)
        case let screen as SetupScreen: self = .setup(screen)
        default: preconditionFailure("\(type(of: component)) is not a screen")
        }
    }

    /// The screens that show a finished refresh: its creator page, and for a refresh of one post that post over the
    /// posts table, so that leaving goes back through them.
    public static func opening(_ page: CreatorPage, postsSort: SortOrder<PostColumn>) -> [Screen] {
        let record = page.record
        let creator = Screen.creator(CreatorPageScreen(page: page))
        guard let target = record.request?.target, target.type.isSinglePost, let posts = record.response?.posts,
            // The post the refresh named; a body that holds others too opens on it, not on the first.
            let post = posts.all.first(where: { $0.shortcode == target.value }) ?? posts.all.first
        else { return [creator] }
        let table = PostsScreen(posts: posts, handle: page.handle, sort: postsSort)
        return [creator, .posts(table), .post(PostScreen(post: post, title: table.title))]
    }
}

/// A box over the screen shown.
public enum Overlay: Sendable, Equatable {
    case help(Help)
    case newRequest(RequestForm)
    case confirmForget(ConfirmForget)
    case details(RequestDetails)
    /// A new request's target was already under way or fresh in the store: follow that one, or force another.
    case joined(JoinedRequest)
    /// The chosen creators go to the roster named in it (a new one when no roster has the name).
    case addToRoster(AddToRoster)
    /// A large batch of refreshes waits for a yes, with its price.
    case confirmBatch(ConfirmBatch)
    /// A change to a roster that cannot be taken back waits for a yes.
    case confirmChange(ConfirmChange)
    /// A saved view of the creators to choose.
    case views(ViewPicker)
    /// A roster's new name, typed.
    case renameRoster(RenameRoster)

    /// The box as a component.
    public var component: any Component {
        switch self {
        case .help(let box): box
        case .newRequest(let box): box
        case .confirmForget(let box): box
        case .details(let box): box
        case .joined(let box): box
        case .addToRoster(let box): box
        case .confirmBatch(let box): box
        case .confirmChange(let box): box
        case .views(let box): box
        case .renameRoster(let box): box
        }
    }

    /// Runs `body` on the box as a component, and keeps what it changed.
    mutating func update<Result>(_ body: (inout any Component) -> Result) -> Result {
        var component = self.component
        defer { self = Overlay(component) ?? self }
        return body(&component)
    }

    private init?(_ component: any Component) {
        switch component {
        case let box as Help: self = .help(box)
        case let box as RequestForm: self = .newRequest(box)
        case let box as ConfirmForget: self = .confirmForget(box)
        case let box as RequestDetails: self = .details(box)
        case let box as JoinedRequest: self = .joined(box)
        case let box as AddToRoster: self = .addToRoster(box)
        case let box as ConfirmBatch: self = .confirmBatch(box)
        case let box as ConfirmChange: self = .confirmChange(box)
        case let box as ViewPicker: self = .views(box)
        case let box as RenameRoster: self = .renameRoster(box)
        default: return nil
        }
    }
}
