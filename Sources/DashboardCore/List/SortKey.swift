/// What a row is sorted by in one column: nothing (sorts before any value), a number, or words compared as people
/// read them (whatever their case).
public enum SortKey: Comparable, Sendable {
    case none
    case number(Double)
    case words(String)

    /// A number, or nothing.
    public static func number(_ value: (some BinaryInteger)?) -> SortKey {
        value.map { .number(Double($0)) } ?? .none
    }

    /// A number, or nothing.
    public static func number(_ value: Double?) -> SortKey {
        value.map { .number($0) } ?? .none
    }

    /// Words compared whatever their case; nothing for none or empty ones.
    public static func text(_ value: String?) -> SortKey {
        guard let value, !value.isEmpty else { return .none }
        return .words(value.lowercased())
    }
}

/// The column a list is sorted by, and which way.
public struct SortOrder<Column: Hashable & Sendable>: Sendable, Equatable {
    public var column: Column
    public var ascending: Bool

    public init(_ column: Column, ascending: Bool) {
        self.column = column
        self.ascending = ascending
    }
}
