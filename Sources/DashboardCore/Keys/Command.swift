/// What a key can do. Which commands a screen has, and what each means there, depends on the screen
/// (``KeyContext``): `moveDown` selects the next row of a list and scrolls a creator page; `back` leaves a page
/// and closes a box.
public enum Command: String, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case switchTab, previousTab, filter, sort, reverseSort, newRequest, refreshAgain, toggleLive, forget, open
    case togglePreview
    case showPosts, exactNumbers, exportPosts, sponsoredOnly
    case mark, markAll, refreshStale, addToRoster, compare, nextColumns, previousColumns, exportComparison, exportCreators
    case chooseView, renameRoster
    /// In boxes: do what the box asks (forget, add), send the form, follow the request found, force a new one.
    case confirm, submit, follow, forceSubmit
    /// In boxes: the next or the previous choice of a selector, and completing a typed name.
    case nextChoice, previousChoice, complete
    case help, back, quit
}
