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

    /// The context of a screen.
    public init(_ screen: Screen) {
        switch screen {
        case .list: self = .list
        case .creator: self = .creator
        case .posts: self = .posts
        case .post: self = .post
        }
    }

    /// The commands a screen has, in the order the help lists them.
    public var commands: [Command] {
        switch self {
        case .list:
            [.moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .switchTab, .filter, .sort, .reverseSort, .newRequest,
             .refreshAgain, .toggleLive, .forget, .open, .togglePreview, .help, .quit]
        case .creator:
            [.moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .showPosts, .exactNumbers, .exportPosts, .help, .back]
        case .posts:
            [.moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .switchTab, .sort, .reverseSort, .filter, .sponsoredOnly,
             .open, .help, .back]
        case .post:
            [.help, .back]
        }
    }

    /// The commands the status bar names, in order, each with its rank: when the bar is
    /// too narrow, the highest ranks go first (help, quit and back stay longest).
    var hints: [(command: Command, rank: Int)] {
        switch self {
        case .list:
            [(.switchTab, 3), (.newRequest, 1), (.refreshAgain, 4), (.filter, 2), (.sort, 5), (.toggleLive, 6), (.forget, 8),
             (.open, 7), (.togglePreview, 9), (.help, 0), (.quit, 0)]
        case .creator:
            [(.back, 0), (.moveDown, 2), (.showPosts, 1), (.exactNumbers, 4), (.exportPosts, 5), (.help, 0)]
        case .posts:
            [(.back, 0), (.switchTab, 2), (.sort, 3), (.filter, 4), (.sponsoredOnly, 5), (.open, 1), (.help, 6)]
        case .post:
            [(.back, 0), (.help, 1)]
        }
    }
}
