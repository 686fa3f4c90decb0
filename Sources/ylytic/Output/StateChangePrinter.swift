import Foundation
import Presentation
import RefreshAPI
import RefreshTracking
import TextGrid

/// One line per change of a request: `TIME ID STATE [detail]`, or one JSON object per line.
struct StateChangePrinter {
    let sink: any OutputSink
    let json: Bool
    let time: any TimeSource
    /// Whether text is transliterated to ASCII (a locale that is not UTF-8).
    var ascii = false

    private struct Line: Encodable {
        let time: Date
        let requestID: String
        let state: String
        let message: String?

        enum CodingKeys: String, CodingKey {
            case time
            case requestID = "request_id"
            case state, message
        }
    }

    func print(_ id: RequestID, _ change: RequestWatch.Change) {
        let (state, message): (String, String?) =
            switch change {
            case .state(.stale, _): ("stale", "still pending past the deadline; still followed")
            case .state(let state, let detail): (state.rawValue, detail)
            case .retrying(let attempt, let detail): ("retrying", "poll \(attempt) failed: \(detail)")
            case .forgotten: ("forgotten", "removed from the store while watched")
            }
        print(id, state: state, message: message)
    }

    /// The line for a request still not ended when the wait ran out.
    func printTimedOut(_ id: RequestID) {
        print(id, state: "timeout", message: "still not ended when the wait ran out")
    }

    private func print(_ id: RequestID, state: String, message: String?) {
        let now = time.now
        if json {
            sink.line(JSONOutput.encode(Line(time: now, requestID: id.rawValue, state: state, message: message)))
        } else {
            let detail = message.map { " " + SafeText.sanitize($0) } ?? ""
            let line = "\(Timestamp.rfc3339(now)) \(SafeText.sanitize(id.rawValue)) \(state)\(detail)"
            sink.line(ascii ? ASCIIText.transliterate(line) : line)
        }
    }
}
