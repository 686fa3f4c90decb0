import DashboardCore
import Foundation
import Presentation
import RefreshAPI

#if canImport(Glibc)
    import Glibc
#endif

/// A response body read whole on a thread of its own, started as soon as the body is in memory, while the page is
/// drawn from its posts' figures (``DashboardCore/CreatorPage/init(body:history:)``): the posts' text follows
/// sooner. The thread runs at the lowest priority, so that it takes a free core and never slows the first frame.
public struct WholeReading: Sendable {
    private let reading: Task<Result<RefreshRecord, ResponseUnreadable>, Never>

    /// Starts reading `body`.
    public init(_ body: Data) {
        reading = Task {
            await withCheckedContinuation { continuation in
                Thread {
                    Self.yieldToEverythingElse()
                    continuation.resume(returning: Result { () throws(ResponseUnreadable) in try RefreshRecordDecoder.decode(body) })
                }.start()
            }
        }
    }

    /// The page for `body`, and the whole reading of its posts' text when the page is drawn from their figures
    /// first (``DashboardCore/CreatorPage/readsInTwoSteps(_:)``). The whole reading starts before the page is read,
    /// so that it runs on the other core meanwhile. Throws what reading the body whole would throw.
    public static func page(
        for body: Data, history: [HistoryPoint] = []
    ) throws(ResponseUnreadable) -> (page: CreatorPage, postText: WholeReading?) {
        let whole = CreatorPage.readsInTwoSteps(body) ? WholeReading(body) : nil
        let page = try CreatorPage(body: body, history: history)
        return (page, page.hasPostText ? nil : whole)
    }

    /// The record, or why the body cannot be read.
    public var record: Result<RefreshRecord, ResponseUnreadable> {
        get async { await reading.value }
    }

    /// Gives the calling thread the lowest priority (on Linux a nice value is the thread's own).
    private static func yieldToEverythingElse() {
        #if canImport(Glibc)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
    }
}
