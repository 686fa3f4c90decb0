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

extension SortKey {
    /// `items` in the order of their `keys` (one each), one way or the other; ties keep the order given. Keys that
    /// are all numbers (or nothing) are compared as plain pairs of numbers, several times faster than as keys.
    static func order(_ items: [Int], by keys: [SortKey], ascending: Bool) -> [Int] {
        var order = Array(items.indices)
        if let numbers = numericRanks(keys) {
            order.sort { left, right in
                numbers[left] != numbers[right] ? (numbers[left] < numbers[right]) == ascending : left < right
            }
        } else {
            order.sort { left, right in
                keys[left] != keys[right] ? (keys[left] < keys[right]) == ascending : left < right
            }
        }
        return order.map { items[$0] }
    }

    /// Each key as (0, 0) for nothing or (1, the number), which order as the keys do; nil when a key is words.
    private static func numericRanks(_ keys: [SortKey]) -> [(Int, Double)]? {
        var ranks: [(Int, Double)] = []
        ranks.reserveCapacity(keys.count)
        for key in keys {
            switch key {
            case .none: ranks.append((0, 0))
            case .number(let value): ranks.append((1, value))
            case .words: return nil
            }
        }
        return ranks
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
