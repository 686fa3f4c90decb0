import Presentation
import RefreshAPI

/// What a screen or a box asks of the dashboard after a key or an event: work to do outside, and where to go.
public struct Outcome: Sendable, Equatable {
    public var effects: [DashboardEffect]
    public var navigation: Navigation?

    public init(_ effects: [DashboardEffect] = [], then navigation: Navigation? = nil) {
        self.effects = effects
        self.navigation = navigation
    }

    public static let nothing = Outcome()

    public static func go(_ navigation: Navigation) -> Outcome {
        Outcome(then: navigation)
    }
}

/// Where the dashboard goes after a key or an event.
public enum Navigation: Sendable, Equatable {
    /// Opens screens over the one shown.
    case open([Screen])
    /// Closes the screen shown; closing the only one quits.
    case close
    /// Opens a box over the screen.
    case show(Overlay)
    /// Closes the box, and tells the screens `event` when there is one (a request to select).
    case closeOverlay(then: ScreenEvent? = nil)
    case quit
}

/// What the dashboard tells every screen and box: what changed in the store, a size, the posts' text of a page.
public enum ScreenEvent: Sendable, Equatable {
    /// Every request the store holds, replacing those shown.
    case requestsLoaded([RequestRow])
    /// The newest requests of a large store, before the whole list; `total` is how many it holds.
    case firstPage([RequestRow], total: Int)
    /// Requests that changed or appeared.
    case requestsChanged([RequestRow])
    /// Requests forgotten, by the store's number.
    case requestsRemoved(Set<Int64>)
    case creatorsLoaded([CreatorRow])
    case rostersLoaded([RosterRow])
    /// The whole record of a page opened without its posts' text.
    case postText(RefreshRecord)
    /// The request with this store number is to be selected.
    case selectRequest(Int64)
    /// The response read for the preview pane of the request `requestID`.
    case previewLoaded(requestID: String, CreatorPage)
    /// The Creators list is to show this saved view (nil: every creator, as the list starts).
    case applyView(CreatorView?)
    /// The terminal's size changed.
    case resized
}
