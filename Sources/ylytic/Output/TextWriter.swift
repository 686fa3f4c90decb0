import DashboardCore
import Foundation
import Presentation
import RefreshAPI
import TextGrid

/// Writes human output: styled lines with ANSI colours when allowed, and every
/// server string already sanitised by whoever built the line. With ASCII glyphs (a
/// locale that is not UTF-8), text in any script is transliterated.
struct TextWriter {
    let sink: any OutputSink
    let colour: Bool
    let glyphs: GlyphSet

    func write(_ line: StyledLine) {
        let shown = { (text: String) in glyphs == .ascii ? ASCIIText.transliterate(text) : text }
        guard colour else {
            sink.line(shown(line.description))
            return
        }
        var text = ""
        for run in line.runs {
            guard let code = Self.code(for: run.role) else {
                text += shown(run.text)
                continue
            }
            text += "\u{1B}[\(code)m\(shown(run.text))\u{1B}[0m"
        }
        sink.line(text)
    }

    func write(_ lines: [StyledLine]) {
        for line in lines { write(line) }
    }

    private static func code(for role: TextRole) -> String? {
        switch role {
        case .plain: nil
        case .heading: "1"
        case .label: "36"
        case .dim: "2"
        case .positive: "32"
        case .negative: "31"
        case .warning: "33"
        }
    }
}

/// A request's outcome as `--json` prints it: the state in words plus the decoded record.
struct RecordJSON: Encodable {
    let requestID: RequestID
    let state: String
    let message: String?
    let record: RefreshRecord?
    let error: String?

    init(_ record: RefreshRecord) {
        requestID = record.requestID
        state = record.state.name
        message = record.state.detail
        self.record = record
        error = nil
    }

    init(id: RequestID, state: String, error: String) {
        requestID = id
        self.state = state
        message = nil
        record = nil
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case requestID = "request_id"
        case state, message, record, error
    }
}
