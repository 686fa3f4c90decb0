import RefreshAPI

/// The new-request form: a type (or "from URL") and a value, validated as typed.
public struct RequestForm: Sendable, Equatable {
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
}
