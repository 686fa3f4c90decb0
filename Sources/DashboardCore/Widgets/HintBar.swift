import TextGrid

/// The key hints of a status bar, made from what the screen or box in front offers, with the keys in force: as
/// many whole hints as fit, never one cut in half.
enum HintBar {
    /// The hints of `offers` in the order the help lists them ("n new  / filter  ? help"), leaving out the lowest
    /// ranked ones until the line fits in `width` columns.
    static func line(_ offers: [Offer], in context: KeyContext, _ shared: Shared, width: Int) -> String {
        var hints: [(text: String, rank: Int)] = []
        for command in context.commands {
            guard let offer = offers.first(where: { $0.command == command }), let word = offer.hint,
                let key = label(command, in: context, offers, shared)
            else { continue }
            hints.append((key + " " + word, offer.rank))
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

    /// The key shown for a command: its first key, or for one with a twin offered too (scroll, sort) both first
    /// keys, as in "j/k scroll" and "s/S sort".
    private static func label(_ command: Command, in context: KeyContext, _ offers: [Offer], _ shared: Shared) -> String? {
        let first = { (command: Command) in shared.bindings.keys(for: command, in: context).first?.label(ascii: shared.settings.ascii) }
        guard let key = first(command) else { return nil }
        let twin: Command? =
            switch command {
            case .moveDown: .moveUp
            case .sort: .reverseSort
            default: nil
            }
        return twin.flatMap { offers.offers($0) ? first($0) : nil }.map { key + "/" + $0 } ?? key
    }

    private static func text(_ hints: [(text: String, rank: Int)]) -> String {
        " " + hints.map(\.text).joined(separator: "  ")
    }
}
