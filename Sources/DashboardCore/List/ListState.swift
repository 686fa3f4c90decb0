import Foundation
import RefreshTracking

/// One list, whatever its rows: the rows, what the filter lets through in the order of the sort, a selection that
/// follows its row, the first row in view, and marks. Requests, creators, rosters, a roster's creators and posts
/// are each one of these; the screen around it says which columns show and what Enter does.
public struct ListState<Row: ListRow>: Sendable, Equatable where Row.ID: Hashable {
    public private(set) var rows: [Row]
    /// Positions in ``rows`` of what the filter lets through, in sort order.
    public private(set) var visible: [Int] = []
    /// The filter as typed, with its cursor.
    public private(set) var filterField = LineEditor()
    /// Whether keys go to the filter.
    public private(set) var isEditingFilter = false
    /// What the filter asks of rows: the last text typed that could be read.
    private var appliedFilter: Row.Filter?
    /// Why the text typed cannot be read; the rows of the last one that could stay shown.
    public private(set) var filterProblem: QueryError?
    /// The column sorted by, and which way; nil for the order the rows came in.
    public private(set) var sort: SortOrder<Row.Column>?
    /// The position of the selected row in ``visible``.
    public private(set) var selection = 0
    /// The first position in view.
    public private(set) var scroll = 0
    /// Whether the person moved the selection: then it follows its row as rows come, go and move. Until then it
    /// stays at the top, where new rows arrive.
    private var selectionIsChosen = false
    /// The marked rows, by their identity.
    public private(set) var marked: Set<Row.ID> = []
    /// Where each row is in ``rows``, by its identity.
    private var positions: [Row.ID: Int] = [:]

    public init(rows: [Row] = [], sort: SortOrder<Row.Column>?) {
        self.rows = rows
        self.sort = sort
        reindex()
        refresh(keeping: nil)
    }

    // MARK: Reading

    /// What the filter searches for.
    public var filter: String { filterField.text }

    /// The rows shown, in order.
    public var visibleRows: [Row] { visible.map { rows[$0] } }

    /// The row at a position of what is shown.
    public subscript(position: Int) -> Row { rows[visible[position]] }

    public var selected: Row? {
        visible.indices.contains(selection) ? rows[visible[selection]] : nil
    }

    /// The row with this identity, shown or not.
    public func row(_ id: Row.ID) -> Row? {
        positions[id].map { rows[$0] }
    }

    public func isMarked(_ row: Row) -> Bool { marked.contains(row.id) }

    /// The marked rows, in the order of ``rows``.
    public var markedRows: [Row] {
        marked.isEmpty ? [] : rows.filter { marked.contains($0.id) }
    }

    // MARK: Rows

    /// Replaces every row; the selection stays on its row when the person chose it.
    public mutating func setRows(_ newRows: [Row]) {
        let kept = selectionIsChosen ? selected?.id : nil
        rows = newRows
        reindex()
        marked = marked.filter { positions[$0] != nil }
        refresh(keeping: kept)
    }

    /// Adds rows, or replaces those with the same identity; returns each changed row with what it was before (nil
    /// for a new one).
    @discardableResult
    public mutating func upsert(_ changed: [Row]) -> [(before: Row?, after: Row)] {
        guard !changed.isEmpty else { return [] }
        let kept = selectionIsChosen ? selected?.id : nil
        var told: [(before: Row?, after: Row)] = []
        for row in changed {
            if let index = positions[row.id] {
                told.append((rows[index], row))
                rows[index] = row
            } else {
                positions[row.id] = rows.count
                rows.append(row)
                told.append((nil, row))
            }
        }
        refresh(keeping: kept)
        return told
    }

    /// Removes rows by identity; the selection stays at its place when its row went.
    public mutating func remove(_ ids: Set<Row.ID>) {
        guard ids.contains(where: { positions[$0] != nil }) else { return }
        let selectedID = selected?.id
        let place = selection
        rows.removeAll { ids.contains($0.id) }
        reindex()
        marked.subtract(ids)
        refresh(keeping: selectedID.flatMap { ids.contains($0) ? nil : $0 })
        if let selectedID, ids.contains(selectedID) { selection = clamped(place) }
    }

    // MARK: Moving

    /// Moves the selection by `offset` rows (a page is `rowsInView`); it then follows its row.
    public mutating func move(by offset: Int, rowsInView: Int) {
        move(to: selection + offset, rowsInView: rowsInView)
    }

    /// Selects the row at `position` of what is shown (held to the first and the last).
    public mutating func move(to position: Int, rowsInView: Int) {
        selection = clamped(position)
        selectionIsChosen = true
        keepInView(rowsInView: rowsInView)
    }

    /// Selects the row with this identity, if it is shown, and keeps the selection on it.
    public mutating func select(_ id: Row.ID, rowsInView: Int) {
        guard let index = positions[id], let position = visible.firstIndex(of: index) else { return }
        move(to: position, rowsInView: rowsInView)
    }

    /// Scrolls as little as keeps the selection among the `rowsInView` rows shown, and no further than the end.
    public mutating func keepInView(rowsInView: Int) {
        let page = max(1, rowsInView)
        if selection < scroll { scroll = selection }
        if selection >= scroll + page { scroll = selection - page + 1 }
        scroll = max(0, min(scroll, max(0, visible.count - page)))
    }

    // MARK: Filter

    /// Starts sending keys to the filter.
    public mutating func startFiltering() {
        isEditingFilter = true
    }

    /// Stops sending keys to the filter, keeping what it holds.
    public mutating func stopFiltering() {
        isEditingFilter = false
    }

    /// Empties the filter and stops editing it.
    public mutating func clearFilter() {
        isEditingFilter = false
        setFilter("", now: .distantPast)
    }

    /// Edits the filter, typed at `now`, with an editing key; false (nothing changed) for a key that edits nothing.
    public mutating func editFilter(_ key: Key, now: Date) -> Bool {
        var field = filterField
        guard field.handle(key) else { return false }
        setFilterField(field, now: now)
        return true
    }

    /// Filters by `text`, read at `now`.
    public mutating func setFilter(_ text: String, now: Date) {
        setFilterField(LineEditor(text), now: now)
    }

    /// Reads the field's text; a text that cannot be read leaves the rows of the last one that could.
    private mutating func setFilterField(_ field: LineEditor, now: Date) {
        let changed = field.text != filterField.text
        filterField = field
        guard changed else { return }
        let applied: Row.Filter?
        do throws(QueryError) {
            applied = field.text.isEmpty ? nil : try Row.Filter(field.text, now: now)
            filterProblem = nil
        } catch {
            filterProblem = error
            return
        }
        guard applied != appliedFilter else { return }
        appliedFilter = applied
        refresh(keeping: selectionIsChosen ? selected?.id : nil)
    }

    // MARK: Sort

    /// Sorts by `column`, the way it starts (names smallest first, figures and times largest and newest first),
    /// unless `ascending` says.
    public mutating func sort(by column: Row.Column, ascending: Bool? = nil) {
        sort = SortOrder(column, ascending: ascending ?? column.sortsAscendingFirst)
        refresh(keeping: selectionIsChosen ? selected?.id : nil)
    }

    /// Sorts by the column after the one sorted by, among `shown` (every column on screen), starting over after the
    /// last; returns the column now sorted by.
    @discardableResult
    public mutating func sortByNextColumn(among shown: [Row.Column]) -> Row.Column? {
        guard !shown.isEmpty else { return nil }
        let next = shown[((sort.flatMap { shown.firstIndex(of: $0.column) } ?? -1) + 1) % shown.count]
        sort(by: next)
        return next
    }

    /// Reverses the sort; rows in the order they came in are sorted by the first column `shown`, the other way
    /// than it starts.
    public mutating func reverseSort(among shown: [Row.Column]) {
        if let sort {
            self.sort = SortOrder(sort.column, ascending: !sort.ascending)
        } else if let first = shown.first {
            sort = SortOrder(first, ascending: !first.sortsAscendingFirst)
        }
        refresh(keeping: selectionIsChosen ? selected?.id : nil)
    }

    // MARK: Marks

    /// Marks the selected row, or unmarks it; false when nothing is selected.
    @discardableResult
    public mutating func toggleMark() -> Bool {
        guard let row = selected else { return false }
        if marked.remove(row.id) == nil { marked.insert(row.id) }
        return true
    }

    /// Marks every row shown; when all are marked already, unmarks them.
    public mutating func markAllShown() {
        let shown = visible.map { rows[$0].id }
        if shown.allSatisfy(marked.contains) { marked.subtract(shown) } else { marked.formUnion(shown) }
    }

    // MARK: Keeping order

    private mutating func reindex() {
        positions = Dictionary(rows.indices.map { (rows[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func clamped(_ position: Int) -> Int {
        min(max(0, position), max(0, visible.count - 1))
    }

    /// Filters and sorts again; the selection goes to the row `kept` when it is shown. Each row's key is read once,
    /// so that a sort of many rows compares keys and nothing else.
    private mutating func refresh(keeping kept: Row.ID?) {
        var indices = Array(rows.indices)
        if let appliedFilter { indices = indices.filter { appliedFilter.admits(rows[$0]) } }
        if let sort {
            // Read in place: a copy of each row would cost more than its key.
            let keys = rows.withUnsafeBufferPointer { rows in indices.map { rows[$0].sortKey(sort.column) } }
            visible = SortKey.order(indices, by: keys, ascending: sort.ascending)
        } else {
            visible = indices
        }
        if let kept, let index = positions[kept], let position = visible.firstIndex(of: index) { selection = position }
        selection = clamped(selection)
    }
}
