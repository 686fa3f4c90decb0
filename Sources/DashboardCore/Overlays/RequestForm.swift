import RefreshAPI
import TextGrid

/// The new-request form: a type (or "from URL") and a value, validated as typed; Enter submits.
public struct RequestForm: Component {
    /// `nil` means: read the type from a pasted URL or @handle.
    public var type: RequestType?
    /// The value as typed, with its cursor.
    public var field: LineEditor
    /// Why the value cannot be sent yet, shown under the field.
    public var error: String?

    public init(type: RequestType? = nil, value: String = "") {
        self.type = type
        field = LineEditor(value)
    }

    /// The value typed.
    public var value: String { field.text }

    /// The choices of the type selector, "URL or @handle" first.
    public static let choices: [RequestType?] = [nil] + RequestType.allCases.map { $0 }

    public mutating func nextType(by step: Int) {
        let index = Self.choices.firstIndex(of: type) ?? 0
        type = Self.choices[(index + step + Self.choices.count) % Self.choices.count]
        error = nil
    }

    /// The target to submit, or the reason there is none.
    public func target() -> Result<RefreshTarget, TargetValidationError> {
        do throws(TargetValidationError) {
            if let type { return .success(try RefreshTarget(type: type, value: value)) }
            return .success(try RefreshTarget(parsing: value))
        } catch {
            return .failure(error)
        }
    }

    public var context: KeyContext { .newRequest }

    public func offers(_ shared: Shared) -> [Offer] {
        [
            Offer(.submit, "submit the request", hint: "submit", rank: 0), Offer(.nextChoice, "the next type", hint: "type", rank: 1),
            Offer(.previousChoice, "the type before"), Offer(.back, "cancel", hint: "cancel", rank: 0),
        ]
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        switch command {
        case .nextChoice: nextType(by: 1)
        case .previousChoice: nextType(by: -1)
        case .back: return .go(.closeOverlay())
        case .submit:
            switch target() {
            case .success(let target):
                shared.tell("Submitting \(SafeText.sanitize(target.description))…")
                return Outcome([.submit(target)], then: .closeOverlay())
            case .failure(let problem):
                error = problem.message
            }
        default: break
        }
        return .nothing
    }

    /// Any key that is no command of the form edits the value.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome {
        if field.handle(key) { error = nil }
        return .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        let typeNames = Self.choices.map { $0?.rawValue ?? "URL or @handle" }
        let chosen = Self.choices.firstIndex(of: type) ?? 0
        let ascii = shared.settings.ascii
        var lines = [
            "Type:  \(ascii ? "<" : "‹") \(typeNames[chosen]) \(ascii ? ">" : "›")   (\(shared.keys(.nextChoice, in: context)) changes)",
            "Value: \(SafeText.sanitize(field.showing(cursor: shared.frame.cursor)))",
            "",
        ]
        if let error { lines.append("! " + error) } else {
            lines.append(type.map { "The \($0.parameterName), e.g. \(Self.example($0))" } ?? "Paste an Instagram or YouTube address, or type @handle")
        }
        lines += ["", shared.keysSentence([(.submit, "submits"), (.back, "cancels")], in: context)]
        Box(title: "New request", lines: lines, problemLine: error == nil ? nil : 3).draw(into: &grid, shared)
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
}
