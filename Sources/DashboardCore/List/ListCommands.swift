import Foundation
import Presentation
import TextGrid

/// What every list does with its keys, whichever screen shows it: moves, the filter, the sort, marks.
extension ListState {
    /// The moves, the filter and the sort, as a list offers them: moves when there is somewhere to go, the filter
    /// and the sort always; with `backClearsFilter` (a list with nothing to go back to), clearing the filter while
    /// there is one.
    func offers(filterSummary: String = "filter as you type (Esc clears)", backClearsFilter: Bool = false) -> [Offer] {
        var offers = visible.count > 1 ? Offer.rowMoves : []
        offers.append(Offer(.filter, filterSummary, hint: "filter", rank: 2))
        if backClearsFilter, !filter.isEmpty { offers.append(Offer(.back, "clear the filter")) }
        offers.append(Offer(.sort, "sort by the next column", hint: "sort", rank: 6))
        offers.append(Offer(.reverseSort, "reverse the sort"))
        return offers
    }

    /// Runs a move, the filter, the sort over the `columns` shown, or a mark; false for any other command. A sort
    /// says which column on the status bar, and a mark how many are marked.
    mutating func run(_ command: Command, rowsInView: Int, columns: [Row.Column], _ shared: inout Shared) -> Bool {
        switch command {
        case .moveUp: move(by: -1, rowsInView: rowsInView)
        case .moveDown: move(by: 1, rowsInView: rowsInView)
        case .pageUp: move(by: -rowsInView, rowsInView: rowsInView)
        case .pageDown: move(by: rowsInView, rowsInView: rowsInView)
        case .first: move(to: 0, rowsInView: rowsInView)
        case .last: move(to: Int.max, rowsInView: rowsInView)
        case .filter: startFiltering()
        case .back: clearFilter()
        case .sort:
            guard let column = sortByNextColumn(among: columns) else { return true }
            shared.tell("Sorted by \(column.name).")
        case .reverseSort: reverseSort(among: columns)
        case .mark:
            guard toggleMark() else { return true }
            move(by: 1, rowsInView: rowsInView)
            shared.tell("\(NumberFormat.grouped(marked.count)) marked")
        case .markAll:
            markAllShown()
            shared.tell("\(NumberFormat.grouped(marked.count)) marked")
        default: return false
        }
        keepInView(rowsInView: rowsInView)
        return true
    }

    /// A key typed while the filter is edited: Esc empties it, Enter keeps it, the arrows and pages leave it and
    /// move; any other key edits it.
    mutating func typeIntoFilter(_ key: Key, rowsInView: Int, now: Date) {
        switch key {
        case .escape: clearFilter()
        case .enter: stopFiltering()
        case .up, .down, .pageUp, .pageDown:
            stopFiltering()
            let step = key == .up ? -1 : key == .down ? 1 : key == .pageUp ? -rowsInView : rowsInView
            move(by: step, rowsInView: rowsInView)
        default: _ = editFilter(key, now: now)
        }
        keepInView(rowsInView: rowsInView)
    }

    /// The filter as the status bar shows it: typed (with its cursor) or in force, how many rows it lets through,
    /// and where the text typed cannot be read (the rows of the last text that could stay).
    func filterLine(cursor: String) -> String? {
        guard isEditingFilter || !filter.isEmpty else { return nil }
        let typed = isEditingFilter ? filterField.showing(cursor: cursor) : filter
        let line = " /" + SafeText.sanitize(typed) + "  (\(visible.count) of \(rows.count))"
        guard let filterProblem else { return line }
        return line + "  " + SafeText.sanitize(filterProblem.inline(filter))
    }

    /// A wheel turn moves the selection; a click selects the row under it. Returns whether the click was on the
    /// selected row, which opens it. `top` is the row of the area where the table's first row is drawn.
    mutating func point(_ mouse: MouseInput, top: Int, rowsInView: Int) -> Bool {
        switch mouse.action {
        case .wheelUp: move(by: -MouseInput.wheelStep, rowsInView: rowsInView)
        case .wheelDown: move(by: MouseInput.wheelStep, rowsInView: rowsInView)
        case .click:
            let position = scroll + mouse.y - top
            guard mouse.y >= top, mouse.y < top + rowsInView, position < visible.count else { return false }
            if position == selection { return true }
            move(to: position, rowsInView: rowsInView)
        }
        return false
    }
}
