import Presentation
import TextGrid

/// The box that chooses a saved view of the creators (`views:` in `config.yml`): the view's query, sort and columns
/// replace the Creators list's. The first choice goes back to every creator, sorted and shown as the list starts.
public struct ViewPicker: Component {
    public let views: [CreatorView]
    /// The choice under the cursor: 0 is every creator, then the views in order.
    public private(set) var selection: Int

    /// The picker with the view in force (by name) under the cursor, else the first choice.
    public init(views: [CreatorView], current: String?) {
        self.views = views
        selection = current.flatMap { name in views.firstIndex { $0.name == name }.map { $0 + 1 } } ?? 0
    }

    public var context: KeyContext { .views }

    public func offers(_ shared: Shared) -> [Offer] {
        var offers: [Offer] = []
        if selection > 0 { offers += [Offer(.moveUp, "the choice above"), Offer(.first, "the first choice"), Offer(.pageUp, "the first choice")] }
        if selection < views.count {
            offers += [Offer(.moveDown, "the choice below"), Offer(.last, "the last choice"), Offer(.pageDown, "the last choice")]
        }
        return offers + [Offer(.confirm, "open the chosen view", hint: "open", rank: 0), Offer(.back, "keep the list as it is", hint: "cancel", rank: 0)]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        switch command {
        case .moveUp: selection = max(0, selection - 1)
        case .moveDown: selection = min(views.count, selection + 1)
        case .first, .pageUp: selection = 0
        case .last, .pageDown: selection = views.count
        case .confirm: return .go(.closeOverlay(then: .applyView(selection == 0 ? nil : views[selection - 1])))
        case .back: return .go(.closeOverlay())
        default: break
        }
        return .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        let pointer = shared.settings.ascii ? ">" : "▸"
        let nameWidth = min(24, views.map { DisplayWidth.of(SafeText.sanitize($0.name)) }.max() ?? 0)
        var lines = [(selection == 0 ? pointer : " ") + " All creators"]
        for (index, view) in views.enumerated() {
            let name = SafeText.sanitize(view.name)
            let padded = name + String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(name)))
            let details = [view.query.isEmpty ? "every creator" : SafeText.sanitize(view.query), view.sort.map { "by " + $0.text }]
                .compactMap { $0 }.joined(separator: ", ")
            lines.append((selection == index + 1 ? pointer : " ") + " \(padded)  \(details)")
        }
        lines += ["", shared.keysSentence([(.moveDown, "chooses"), (.confirm, "opens"), (.back, "cancels")], in: context)]
        Box(title: "Views", lines: lines).draw(into: &grid, shared)
    }
}
