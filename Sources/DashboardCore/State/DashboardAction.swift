import Foundation
import Presentation
import RefreshAPI
import RefreshTracking

/// Everything that can happen to the dashboard: keys, the terminal, time, and
/// the answers of effects and of the monitor.
public enum DashboardAction: Sendable {
    case key(Key)
    /// A click or a turn of the wheel.
    case mouse(MouseInput)
    case resize(width: Int, height: Int)
    case tick(Date)
    /// Every row the store holds, replacing those shown.
    case loaded([RequestRow])
    /// Rows that changed or appeared (submitted, polled, finished, failed…), here or in another process.
    case updated([RequestRow])
    /// Rows that were forgotten, here or in another process, by the store's number.
    case removed([Int64])
    /// The stored response of a request, read for its creator page (``CreatorPage/init(body:history:)``).
    case creatorLoaded(CreatorPage)
    /// The whole record of the creator page that was opened without its posts' text. Keys typed since the page
    /// opened wait for it.
    case postTextLoaded(RefreshRecord)
    /// The stored response of a request, read for the preview pane.
    case previewLoaded(requestID: String, RefreshRecord, history: [HistoryPoint] = [])
    /// The creators in the store, with the figures of their latest refresh.
    case creatorsLoaded([CreatorRow])
    /// Something went wrong outside the reducer; shown in the status bar.
    case problem(String)
    /// A short confirmation for the status bar.
    case notice(String)
    /// The newest requests, read before the whole list so that a large store shows at once; `total` is how many
    /// the store has. ``loaded(_:)`` follows with all of them.
    case firstPage([RequestRow], total: Int)
    /// The connection to a store on a server was lost (with the reason), or is back (nil).
    case storeConnection(lostBecause: String?)
    /// A submission found the same target under way or fresh in the store (this row), and sent nothing.
    case joined(RefreshTarget, RequestRow)
    /// The submission of a target asked for here has ended (sent, refused or failed): the store's row shows it now.
    case submissionEnded(RefreshTarget)
    /// The terminal's window came to the front (true) or went behind another (false).
    case focus(Bool)
    /// The rosters in the store, each with its creators and their latest figures.
    case rostersLoaded([RosterRow])
    /// The paid refreshes sent today and the budget, read from the store.
    case usageLoaded(UsageToday)
    /// The store refused to add to the roster of this name (the reason): the box opens again with the name typed.
    case rosterAdditionRefused(name: String, [RefreshTarget], reason: String)
    /// The store would not give the roster `name` the name `typed`, for `reason`: the box opens again to say so.
    case rosterRenameRefused(name: String, typed: String, reason: String)
    /// The latest refreshes of the creators to compare, read from the store.
    case comparisonLoaded([ComparedCreator])
    /// What a batch too large to send without asking would cost, read from the store.
    case batchPriced(BatchPlan, BulkPrice)
}

/// A refresh of several creators at once, and what they are ("the marked creators", "summer-26").
public struct BatchPlan: Sendable, Equatable {
    public var targets: [RefreshTarget]
    public var what: String

    public init(_ targets: [RefreshTarget], what: String) {
        self.targets = targets
        self.what = what
    }
}

/// Work the reducer asks for; the runtime does it and answers with actions.
public enum DashboardEffect: Sendable, Equatable {
    case submit(RefreshTarget)
    /// Submit even though the same target is under way or fresh in the store.
    case forceSubmit(RefreshTarget)
    case setLiveUpdates(Bool)
    case forget(RequestRow)
    /// Read the stored response of a finished request, for its creator page.
    case openCreator(RequestRow)
    /// Read the latest stored response of a creator, for its creator page.
    case openLatest(CreatorRow)
    /// Read the stored response of a request for the preview pane (dropping any read still under way).
    case loadPreview(requestID: String)
    /// Write the posts of a report as CSV to a file, and say which.
    case exportPosts(RefreshRecord)
    /// Submit each of these, a few a second, joining a request under way or fresh as `join` says.
    case submitMany([RefreshTarget], join: JoinPolicy)
    /// Read what submitting this batch would cost, to ask first.
    case priceBatch(BatchPlan)
    /// Add these targets to the roster of this name, made when there is none.
    case addToRoster(name: String, [RefreshTarget])
    /// Take these targets out of the roster of this name (their requests and figures stay).
    case removeFromRoster(name: String, [RefreshTarget])
    /// Delete the roster of this name (its creators' requests and figures stay).
    case deleteRoster(name: String)
    /// Give the roster of this name a new one.
    case renameRoster(String, to: RosterName)
    /// Read the latest refresh of each of these creators, to compare them.
    case compare([CreatorRow])
    /// Write a comparison as CSV to a file, and say which.
    case exportComparison(Comparison)
    /// Write these creators as CSV to a file named after `name` (a new file, never one that exists), and say which.
    case exportCreators(name: String, [CreatorListing])
    /// Tell the person, in the way of ``NotificationStyle``, that refreshes finished.
    case notify(String, NotificationStyle)
    case quit
}
