import TextGrid

/// A framed box in the middle of the screen, over whatever is behind it: a title and lines, one of them a problem.
struct Box {
    let title: String
    let lines: [String]
    /// The line drawn as a problem, if any.
    var problemLine: Int?
    /// The first of the box's wrapped lines shown, when they are more than fit.
    var scroll = 0

    /// The box's lines wrapped to fit a grid of `width` columns, each marked when it is the problem, and how many
    /// rows of them a grid `height` rows tall shows.
    func layout(width: Int, height: Int) -> (lines: [(text: String, isProblem: Bool)], rows: Int, innerWidth: Int) {
        let innerWidth = min(width - 4, max(DisplayWidth.of(title) + 4, lines.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        var wrapped: [(String, Bool)] = []
        for (index, line) in lines.enumerated() {
            for piece in Self.wrapUnderItsLabel(line, to: max(1, innerWidth - 2)) { wrapped.append((piece, index == problemLine)) }
        }
        return (wrapped, max(0, min(height - 4, wrapped.count)), innerWidth)
    }

    func draw(into grid: inout Grid, _ shared: Shared) {
        let frame = shared.frame
        let theme = shared.theme
        let (wrapped, innerHeight, innerWidth) = layout(width: grid.width, height: grid.height)
        let width = innerWidth + 2, height = innerHeight + 2
        let left = (grid.width - width) / 2, top = max(1, (grid.height - height) / 2)
        // A blank column either side, so that no row behind shows at the box's edge.
        grid.fill(x: max(0, left - 1), y: top, width: min(grid.width, width + 2), height: height)
        let horizontal = String(repeating: frame.horizontal, count: max(0, width - 2))
        grid.put(frame.topLeft + horizontal + frame.topRight, x: left, y: top, style: theme[.box])
        let more = wrapped.count > innerHeight ? " \(scroll + 1)-\(min(wrapped.count, scroll + innerHeight)) of \(wrapped.count)" : ""
        grid.put(" \(title)\(more) ", x: left + 2, y: top, style: theme[.title])
        for row in 1..<max(1, height - 1) {
            grid.put(frame.vertical, x: left, y: top + row, style: theme[.box])
            grid.put(frame.vertical, x: left + width - 1, y: top + row, style: theme[.box])
        }
        grid.put(frame.bottomLeft + horizontal + frame.bottomRight, x: left, y: top + height - 1, style: theme[.box])
        for (index, (line, isProblem)) in wrapped.dropFirst(scroll).prefix(innerHeight).enumerated() {
            grid.put(line, x: left + 2, y: top + 1 + index, style: isProblem ? theme[.problem] : .plain, maxWidth: innerWidth - 2)
        }
    }

    /// `line` wrapped to `room` columns; a line that starts with a label ("Detail     …") wraps under its value, so
    /// that the label column stays clear.
    private static func wrapUnderItsLabel(_ line: String, to room: Int) -> [String] {
        guard DisplayWidth.of(line) > room else { return [line] }
        guard let label = line.firstMatch(of: /^(?:\S+)? {2,}/), case let indent = DisplayWidth.of(String(label.0)), indent < room / 2
        else { return ColumnFit.wrap(line, to: room) }
        let pieces = ColumnFit.wrap(String(line[label.range.upperBound...]), to: room - indent)
        return pieces.enumerated().map { ($0 == 0 ? String(label.0) : String(repeating: " ", count: indent)) + $1 }
    }
}

extension Shared {
    /// "Enter follows that request, f or F submits a new one anyway, Esc or q cancels": each command of a box with
    /// every key bound to it now, so that no key acts unsaid.
    func keysSentence(_ parts: [(Command, String)], in context: KeyContext) -> String {
        parts.map { "\(keys($0.0, in: context)) \($0.1)" }.joined(separator: ", ") + "."
    }
}
