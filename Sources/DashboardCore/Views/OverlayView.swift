import Foundation
import Presentation
import RefreshAPI
import TextGrid

/// Draws an overlay in a framed box in the middle of the screen.
struct OverlayView {
    let state: DashboardState
    let frame: Frame

    func draw(_ overlay: DashboardState.Overlay, into grid: inout Grid) {
        switch overlay {
        case .help:
            let context = KeyContext(state.screen)
            // The moves of a list go on one line, so that every key of a busy screen fits at 80x24.
            let moves: [Command] = [.moveUp, .moveDown, .pageUp, .pageDown, .first, .last]
            let groupsMoves = context != .creator && context != .compare && moves.allSatisfy(context.commands.contains)
            var entries: [(label: String, summary: String)] = []
            for command in context.commands {
                if groupsMoves, moves.contains(command) {
                    if command == moves[0] {
                        let keys = moves.enumerated().map { index, move in
                            state.bindings.keys(for: move, in: context).prefix(index < 2 ? 2 : 1).map { $0.label(ascii: state.ascii) }
                                .joined(separator: "/")
                        }
                        entries.append((keys.joined(separator: " ") + "  move: a row, a page, first, last", ""))
                    }
                    continue
                }
                entries.append((state.bindings.labels(for: command, in: context, ascii: state.ascii), command.summary(in: context)))
            }
            let keyColumn = min(24, (entries.filter { !$0.summary.isEmpty }.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
            let lines = entries.map { entry in
                entry.summary.isEmpty ? entry.label : ColumnFit.pad(entry.label, to: keyColumn - 2) + "  " + entry.summary
            }
            box(title: "Keys", lines: lines + ["", "Esc or ? closes this help."], into: &grid)
        case .confirmForget(let row):
            box(
                title: "Forget",
                lines: ["Forget \(row.typeName) \(SafeText.sanitize(row.target))?", "Its response and history are kept.", "",
                        "y forgets, any other key keeps it."],
                into: &grid)
        case .newRequest(let form):
            let typeNames = RequestForm.choices.map { $0?.rawValue ?? "URL or @handle" }
            let chosen = RequestForm.choices.firstIndex(of: form.type) ?? 0
            var lines = [
                "Type:  \(state.ascii ? "<" : "‹") \(typeNames[chosen]) \(state.ascii ? ">" : "›")   (Tab changes)",
                "Value: \(SafeText.sanitize(form.field.showing(cursor: frame.cursor)))",
                "",
            ]
            if let error = form.error { lines.append("! " + error) } else {
                lines.append(form.type.map { "The \($0.parameterName), e.g. \(Self.example($0))" }
                    ?? "Paste an Instagram or YouTube address, or type @handle")
            }
            lines += ["", "Enter submits, Esc cancels."]
            box(title: "New request", lines: lines, into: &grid, errorLine: form.error == nil ? nil : 3)
        case .joined(let target, let row):
            let what =
                switch row.phase {
                case .submitting: "is being submitted"
                case .succeeded: "succeeded " + Age.ago(row.finishedAt ?? row.submittedAt, now: state.now)
                default: "is \(row.phase.rawValue)"
                }
            let who = row.submittedBy.map { " by \(SafeText.sanitize($0))" } ?? ""
            box(
                title: row.phase == .succeeded ? "Refreshed recently" : "Already under way",
                lines: [
                    "\(target.type.rawValue) \(SafeText.sanitize(target.value)) \(what),",
                    "submitted\(who) \(Age.ago(row.submittedAt, now: state.now)).",
                    "Nothing was sent: each refresh costs quota.", "",
                    "Enter follows that request, f submits a new one anyway, Esc cancels.",
                ],
                into: &grid)
        case .addToRoster(let field, let targets):
            let names = state.rosters.map(\.name)
            var lines = [
                "Add \(targets.count) creator\(targets.count == 1 ? "" : "s") to the roster:",
                "Name: \(SafeText.sanitize(field.showing(cursor: frame.cursor)))", "",
            ]
            lines.append(
                names.isEmpty
                    ? "No rosters yet: a new name makes one."
                    : "Rosters: " + names.prefix(8).map { SafeText.sanitize($0) }.joined(separator: ", ")
                        + (names.count > 8 ? ", …" : ""))
            var errorLine: Int?
            if let notice = state.notice, notice.isError {
                errorLine = lines.count
                lines.append("! " + SafeText.sanitize(notice.text))
            }
            lines += ["", "Tab completes a name, Enter adds (a new name makes a roster), Esc cancels."]
            box(title: "Add to roster", lines: lines, into: &grid, errorLine: errorLine)
        case .detail(let row):
            var lines = RequestsTable.facts(of: row, now: state.now)
            lines += ["", "Esc closes."]
            box(title: "Request", lines: lines, into: &grid)
        }
    }

    private static func example(_ type: RequestType) -> String {
        switch type {
        case .instagram: "thetatvaindia"
        case .instagramID: "2121125346"
        case .instagramPost: "DHGIoX0y3f3"
        case .youtube: "UCurYxozQbvKn-oNUxNJh45Q"
        case .youtubePost: "iwIeyWv2ABI"
        }
    }

    /// `line` wrapped to `room` columns; a line that starts with a label ("Detail     …") wraps under its
    /// value, so that the label column stays clear.
    private static func wrapUnderItsLabel(_ line: String, to room: Int) -> [String] {
        guard DisplayWidth.of(line) > room else { return [line] }
        guard let label = line.firstMatch(of: /^\S+ {2,}/), case let indent = DisplayWidth.of(String(label.0)),
            indent < room / 2
        else { return ColumnFit.wrap(line, to: room) }
        let pieces = ColumnFit.wrap(String(line[label.range.upperBound...]), to: room - indent)
        return pieces.enumerated().map { ($0 == 0 ? String(label.0) : String(repeating: " ", count: indent)) + $1 }
    }

    private func box(title: String, lines: [String], into grid: inout Grid, errorLine: Int? = nil) {
        let innerWidth = min(grid.width - 4, max(DisplayWidth.of(title) + 4, lines.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        var wrapped: [(String, Bool)] = []
        for (index, line) in lines.enumerated() {
            let room = max(1, innerWidth - 2)
            for piece in Self.wrapUnderItsLabel(line, to: room) { wrapped.append((piece, index == errorLine)) }
        }
        let innerHeight = min(grid.height - 4, wrapped.count)
        let width = innerWidth + 2, height = innerHeight + 2
        let left = (grid.width - width) / 2, top = max(1, (grid.height - height) / 2)
        // A blank column either side, so that no row behind shows at the box's edge.
        grid.fill(x: max(0, left - 1), y: top, width: min(grid.width, width + 2), height: height)
        let horizontal = String(repeating: frame.horizontal, count: max(0, width - 2))
        grid.put(frame.topLeft + horizontal + frame.topRight, x: left, y: top, style: state.theme[.box])
        grid.put(" \(title) ", x: left + 2, y: top, style: state.theme[.title])
        for row in 1..<(height - 1) {
            grid.put(frame.vertical, x: left, y: top + row, style: state.theme[.box])
            grid.put(frame.vertical, x: left + width - 1, y: top + row, style: state.theme[.box])
        }
        grid.put(frame.bottomLeft + horizontal + frame.bottomRight, x: left, y: top + height - 1, style: state.theme[.box])
        for (index, (line, isError)) in wrapped.prefix(innerHeight).enumerated() {
            grid.put(line, x: left + 2, y: top + 1 + index, style: isError ? state.theme[.problem] : .plain, maxWidth: innerWidth - 2)
        }
    }
}
