import Presentation
import RefreshAPI
import TextGrid

/// The box that adds creators to a roster by name: a new name makes a roster; Tab completes a name the store has.
/// When the store refuses the name, the box opens again with the name typed and why.
public struct AddToRoster: Component {
    public let targets: [RefreshTarget]
    public private(set) var field: LineEditor
    /// Why the store refused the name typed, if it did.
    public private(set) var problem: String?

    public init(targets: [RefreshTarget], name: String = "", problem: String? = nil) {
        self.targets = targets
        field = LineEditor(name)
        self.problem = problem
    }

    public var context: KeyContext { .addToRoster }

    public func offers(_ shared: Shared) -> [Offer] {
        [
            Offer(.confirm, "add to the roster named (a new name makes one)", hint: "add", rank: 0),
            Offer(.complete, "complete the name of a roster", hint: "complete", rank: 1), Offer(.back, "cancel", hint: "cancel", rank: 0),
        ]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        switch command {
        case .back:
            return .go(.closeOverlay())
        case .confirm:
            let name = field.text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                problem = "Type the roster's name."
                return .nothing
            }
            return Outcome([.addToRoster(name: name, targets)], then: .closeOverlay())
        case .complete:
            let typed = field.text.lowercased()
            if let match = shared.rosterNames.first(where: { $0.lowercased().hasPrefix(typed) }) { field = LineEditor(match) }
        default:
            break
        }
        return .nothing
    }

    /// Any key that is no command of the box edits the name.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome {
        if field.handle(key) { problem = nil }
        return .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        let names = shared.rosterNames
        var lines = [
            "Add \(NumberFormat.grouped(targets.count)) creator\(targets.count == 1 ? "" : "s") to the roster:",
            "Name: \(SafeText.sanitize(field.showing(cursor: shared.frame.cursor)))", "",
        ]
        lines.append(
            names.isEmpty
                ? "No rosters yet: a new name makes one."
                : "Rosters: " + names.prefix(8).map { SafeText.sanitize($0) }.joined(separator: ", ") + (names.count > 8 ? ", …" : ""))
        var problemLine: Int?
        if let problem {
            problemLine = lines.count
            lines.append("! " + SafeText.sanitize(problem))
        }
        lines += [
            "",
            shared.keysSentence(
                [(.complete, "completes a name"), (.confirm, "adds (a new name makes a roster)"), (.back, "cancels")], in: context),
        ]
        Box(title: "Add to roster", lines: lines, problemLine: problemLine).draw(into: &grid, shared)
    }
}
