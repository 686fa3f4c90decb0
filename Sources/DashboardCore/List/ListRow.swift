/// A row of a list: what identifies it (its selection and its mark follow it), what each of its columns sorts by,
/// and what the filter finds in it.
public protocol ListRow: Identifiable, Sendable, Equatable where ID: Sendable {
    /// The columns a list of these rows can show, each one a sort.
    associatedtype Column: ListColumn

    /// What the row is sorted by in `column`.
    func sortKey(_ column: Column) -> SortKey

    /// Whether what the filter searches in the row holds `query` (lower-cased).
    func matches(_ query: String) -> Bool
}

/// A column of a list, which the list can be sorted by.
public protocol ListColumn: Hashable, Sendable {
    /// The column's name in sentences ("Sorted by followers.").
    var name: String { get }

    /// Whether a sort by this column starts smallest first: names do, figures and times start with the largest and
    /// the newest.
    var sortsAscendingFirst: Bool { get }
}
