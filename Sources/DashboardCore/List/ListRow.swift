import Foundation
import RefreshTracking

/// A row of a list: what identifies it (its selection and its mark follow it), what each of its columns sorts by,
/// and what its filter asks of it.
public protocol ListRow: Identifiable, Sendable, Equatable where ID: Sendable {
    /// The columns a list of these rows can show, each one a sort.
    associatedtype Column: ListColumn
    /// What the text typed as the list's filter asks of rows.
    associatedtype Filter: RowFilter where Filter.Row == Self

    /// What the row is sorted by in `column`.
    func sortKey(_ column: Column) -> SortKey
}

/// A column of a list, which the list can be sorted by.
public protocol ListColumn: Hashable, Sendable {
    /// The column's name in sentences ("Sorted by followers.").
    var name: String { get }

    /// Whether a sort by this column starts smallest first: names do, figures and times start with the largest and
    /// the newest.
    var sortsAscendingFirst: Bool { get }
}

/// What a list's filter asks of its rows, read once from the text typed each time it changes.
public protocol RowFilter: Sendable, Equatable {
    associatedtype Row

    /// Reads `text` (never empty) as typed at `now`; a text that cannot be read throws, pointing at the fault.
    init(_ text: String, now: Date) throws(QueryError)

    func admits(_ row: Row) -> Bool
}

/// A row whose filter finds text in it.
public protocol TextSearchable {
    /// Whether what the filter searches in the row holds `query` (lower-cased).
    func matches(_ query: String) -> Bool
}

/// The filter of lists searched as text: the rows that hold the text typed, whatever its case.
public struct TextFilter<Row: TextSearchable>: RowFilter {
    let query: String

    public init(_ text: String, now: Date) {
        query = text.lowercased()
    }

    public func admits(_ row: Row) -> Bool { row.matches(query) }
}
