/// The screens and boxes that have keys of their own; the config file names them.
public enum KeyContext: String, Sendable, CaseIterable {
    /// The Requests, Creators and Rosters lists.
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
    /// The help box.
    case help
    /// The new-request form.
    case newRequest
    /// The box that asks before a request is forgotten.
    case confirm
    /// The box that asks before a large batch of refreshes is sent, with its price.
    case confirmBatch
    /// The box that says a new request's target is already under way or fresh.
    case joined
    /// The box that adds creators to a roster.
    case addToRoster
    /// The box that chooses a saved view of the creators.
    case views
    /// The box that gives a roster a new name.
    case renameRoster
    /// The box with what is known of a request.
    case details
    /// The screen that says how to set a token.
    case setup

    /// Whether the box has a field that characters are typed into: a character bound to a command there could never
    /// be typed.
    public var takesText: Bool { [.newRequest, .addToRoster, .renameRoster].contains(self) }

    /// Every command a screen of this context may have, in the order the help lists them: what the config file may
    /// bind there. What a screen offers at a given moment is a part of this (``Offer``).
    public var commands: [Command] {
        let moves: [Command] = [.moveUp, .moveDown, .pageUp, .pageDown, .first, .last]
        return switch self {
        case .list:
            moves + [
                .switchTab, .previousTab, .newRequest, .compare, .refreshAgain, .refreshStale, .mark, .markAll, .addToRoster, .filter,
                .back, .sort, .reverseSort, .toggleLive, .forget, .renameRoster, .open, .togglePreview, .exportCreators,
                .chooseView, .help, .quit,
            ]
        case .creator: moves + [.showPosts, .exactNumbers, .exportPosts, .help, .back]
        case .posts: moves + [.switchTab, .sort, .reverseSort, .filter, .sponsoredOnly, .open, .help, .back]
        case .post: [.help, .back]
        case .roster:
            moves + [
                .filter, .sort, .reverseSort, .mark, .markAll, .refreshAgain, .refreshStale, .compare,
                .addToRoster, .open, .exportCreators, .forget, .help, .back,
            ]
        case .compare: moves + [.nextColumns, .previousColumns, .exportComparison, .help, .back]
        case .help: moves + [.back]
        case .details: [.back]
        case .newRequest: [.submit, .nextChoice, .previousChoice, .back]
        case .confirm: [.confirm, .back]
        case .confirmBatch: [.confirm, .forceSubmit, .back]
        case .joined: [.follow, .forceSubmit, .back]
        case .addToRoster: [.confirm, .complete, .back]
        case .views: moves + [.confirm, .back]
        case .renameRoster: [.confirm, .back]
        case .setup: [.quit]
        }
    }
}
