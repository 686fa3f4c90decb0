import Foundation
import Presentation
import RefreshAPI

extension CreatorPage {
    /// The size from which a body is read in two steps for its page: below it, the whole reading takes a few
    /// milliseconds.
    public static let twoStepBodySize = 1 << 20

    /// Whether ``init(body:history:)`` reads `body` in two steps, but for a refresh of one post.
    public static func readsInTwoSteps(_ body: Data) -> Bool {
        body.count >= twoStepBodySize
    }

    /// A page for a response body, read for its first frame. A body of ``twoStepBodySize`` or more (thousands
    /// of posts) is read without its posts' text (``RefreshRecordDecoder/Parts/postFigures``), about a third
    /// sooner: ``hasPostText`` is false until ``takePostText(from:)`` gets the same body read whole. A refresh of
    /// one post is always read whole, since its page opens on that post.
    ///
    /// Throws what reading the body whole would throw, so a body this accepts is one the whole reading accepts.
    public init(body: Data, history: [HistoryPoint] = []) throws(ResponseUnreadable) {
        if Self.readsInTwoSteps(body) {
            let record = try RefreshRecordDecoder.decode(body, parts: .postFigures)
            if record.request?.target?.type.isSinglePost != true {
                self.init(record: record, history: history, hasPostText: false)
                return
            }
        }
        self.init(record: try RefreshRecordDecoder.decode(body), history: history)
    }
}
