import Foundation
import RefreshAPI
import TextGrid

/// One line per change of a request's state: `TIME ID STATE [detail]`, or one
/// JSON object per line.
struct StateChangePrinter {
    let sink: any OutputSink
    let json: Bool
    let time: any TimeSource

    private struct Line: Encodable {
        let time: String
        let requestID: String
        let state: String
        let message: String?

        enum CodingKeys: String, CodingKey {
            case time
            case requestID = "request_id"
            case state, message
        }
    }

    func print(_ id: RequestID, _ change: FollowSession.Change) {
        let (state, message): (String, String?) =
            switch change {
            case .state(let state): (state.name, state.detail)
            case .stale: ("stale", "still pending past the deadline; still followed")
            case .retrying(let error, let attempt): ("retrying", "poll \(attempt) failed: \(error.description)")
            case .gaveUp(let error): ("error", error.description)
            case .timedOut: ("timeout", "still not ended when the wait ran out")
            }
        let stamp = ISO8601DateFormatter().string(from: time.now)
        if json {
            sink.line(JSONOutput.encode(Line(time: stamp, requestID: id.rawValue, state: state, message: message)))
        } else {
            let detail = message.map { " " + SafeText.sanitize($0) } ?? ""
            sink.line("\(stamp) \(SafeText.sanitize(id.rawValue)) \(state)\(detail)")
        }
    }
}
