import Foundation
import Presentation
import RefreshTracking
import TextGrid

/// The box that gives a roster a new name, for everyone using the store; a name the rules refuse is said in the box.
public struct RenameRoster: Component {
    public let name: String
    public private(set) var field: LineEditor
    /// Why the name typed cannot be taken, if it cannot.
    public private(set) var problem: String?

    /// The box for the roster `name`, with `typed` in its field and why the store refused it, if it did.
    public init(name: String, typed: String? = nil, problem: String? = nil) {
        self.name = name
        field = LineEditor(typed ?? name)
        self.problem = problem
    }

    public var context: KeyContext { .renameRoster }

    public func offers(_ shared: Shared) -> [Offer] {
        [Offer(.confirm, "rename the roster", hint: "rename", rank: 0), Offer(.back, "keep its name", hint: "cancel", rank: 0)]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        switch command {
        case .back:
            return .go(.closeOverlay())
        case .confirm:
            let typed = field.text.trimmingCharacters(in: .whitespaces)
            guard typed != name else {
                shared.tell("The roster keeps its name.")
                return .go(.closeOverlay())
            }
            if let other = shared.rosterNames.first(where: { $0.lowercased() == typed.lowercased() && $0 != name }) {
                problem = RosterError.nameInUse(other).description
                return .nothing
            }
            do throws(RosterError) {
                return Outcome([.renameRoster(name, to: try RosterName(typed))], then: .closeOverlay())
            } catch {
                problem = error.description
                return .nothing
            }
        default:
            return .nothing
        }
    }

    /// Any key that is no command of the box edits the name.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome {
        if field.handle(key) { problem = nil }
        return .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        var lines = [
            "Rename the roster \(SafeText.sanitize(name)) for everyone using this store:",
            "New name: \(SafeText.sanitize(field.showing(cursor: shared.frame.cursor)))",
        ]
        var problemLine: Int?
        if let problem {
            problemLine = lines.count
            lines.append("! " + SafeText.sanitize(problem))
        }
        lines += ["", shared.keysSentence([(.confirm, "renames"), (.back, "keeps its name")], in: context)]
        Box(title: "Rename roster", lines: lines, problemLine: problemLine).draw(into: &grid, shared)
    }
}
