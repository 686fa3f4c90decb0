/// The screens that have keys of their own; the config file names them.
public enum KeyContext: String, Sendable, CaseIterable {
    /// The Requests and Creators lists.
    case list
    /// A creator page.
    case creator
    /// The posts table of a creator page.
    case posts
    /// One post, whole.
    case post
    /// A roster's creators.
    case roster
    /// Creators side by side.
    case compare

    /// The context of a screen.
    public init(_ screen: Screen) {
        switch screen {
        case .list: self = .list
        case .creator: self = .creator
        case .posts: self = .posts
        case .post: self = .post
        case .roster: self = .roster
        case .compare: self = .compare
        }
    }

    /// The commands a screen has, in the order the help lists them.
    public var commands: [Command] {
        switch self {
        case .list:
            [.moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .switchTab, .filter, .sort, .reverseSort, .newRequest,
             .refreshAgain, .refreshStale, .mark, .markAll, .compare, .addToRoster, .toggleLive, .forget, .open,
             .togglePreview, .help, .quit]
        case .creator:
            [.moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .showPosts, .exactNumbers, .exportPosts, .help, .back]
        case .posts:
            [.moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .switchTab, .sort, .reverseSort, .filter, .sponsoredOnly,
             .open, .help, .back]
        case .post:
            [.help, .back]
        case .roster:
            [.moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .mark, .markAll, .refreshAgain, .refreshStale,
             .compare, .addToRoster, .open, .help, .back]
        case .compare:
            [.moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .nextColumns, .previousColumns, .exportComparison,
             .help, .back]
        }
    }

    /// The commands the status bar names, in order, each with its rank: when the bar is
    /// too narrow, the highest ranks go first (help, quit and back stay longest).
    var hints: [(command: Command, rank: Int)] {
        switch self {
        case .list:
            [(.switchTab, 3), (.newRequest, 1), (.compare, 2), (.refreshAgain, 4), (.refreshStale, 4), (.mark, 5),
             (.filter, 2), (.sort, 6), (.toggleLive, 7), (.forget, 9), (.open, 8), (.togglePreview, 10), (.help, 0),
             (.quit, 0)]
        case .creator:
            [(.back, 0), (.moveDown, 2), (.showPosts, 1), (.exactNumbers, 4), (.exportPosts, 5), (.help, 0)]
        case .posts:
            [(.back, 0), (.switchTab, 2), (.sort, 3), (.filter, 4), (.sponsoredOnly, 5), (.open, 1), (.help, 6)]
        case .post:
            [(.back, 0), (.help, 1)]
        case .roster:
            [(.back, 0), (.mark, 2), (.refreshAgain, 3), (.refreshStale, 4), (.compare, 1), (.addToRoster, 5), (.open, 6),
             (.help, 0)]
        case .compare:
            [(.back, 0), (.nextColumns, 1), (.exportComparison, 2), (.moveDown, 3), (.help, 0)]
        }
    }
}
