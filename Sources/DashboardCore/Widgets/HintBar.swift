import TextGrid

/// The key hints of a status bar, from the keys in force: as many whole hints as fit,
/// never one cut in half.
enum HintBar {
    /// The hints of the screen shown ("n new  / filter  ? help"), leaving out the lowest
    /// ranked ones until the line fits in `width` columns.
    static func line(for state: DashboardState, width: Int) -> String {
        let context = KeyContext(state.screen)
        var hints: [(text: String, rank: Int)] = []
        for (command, rank) in context.hints {
            guard let word = command.hint(in: context, state: state), let key = label(command, in: context, state: state) else { continue }
            hints.append((key + " " + word, rank))
        }
        return fit(hints, width: width)
    }

    /// Hints joined by two spaces after a leading space, the highest ranks left out first.
    static func fit(_ hints: [(text: String, rank: Int)], width: Int) -> String {
        var kept = hints
        while DisplayWidth.of(text(kept)) > width, let drop = kept.indices.max(by: { kept[$0].rank <= kept[$1].rank }) {
            kept.remove(at: drop)
        }
        return kept.isEmpty ? "" : text(kept)
    }

    /// The key shown for a command: its first key, or for one with a twin (scroll, sort)
    /// both first keys, as in "j/k scroll" and "s/S sort".
    private static func label(_ command: Command, in context: KeyContext, state: DashboardState) -> String? {
        let first = { (command: Command) in state.bindings.keys(for: command, in: context).first?.label(ascii: state.ascii) }
        guard let key = first(command) else { return nil }
        let twin: Command? = switch command {
        case .moveDown: .moveUp
        case .sort: .reverseSort
        default: nil
        }
        return twin.flatMap(first).map { key + "/" + $0 } ?? key
    }

    private static func text(_ hints: [(text: String, rank: Int)]) -> String {
        " " + hints.map(\.text).joined(separator: "  ")
    }
}
