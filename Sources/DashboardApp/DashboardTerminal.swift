import DashboardCore
import TextGrid

/// What the dashboard needs of a terminal: its size, its input, and a surface to draw grids on. The real
/// terminal (ncurses) is adapted to it by the executable; tests use one that keeps the frames.
public protocol DashboardTerminal: Sendable {
    /// The size in cells.
    var size: (width: Int, height: Int) { get }
    /// Keys, the mouse, resizes and the end of the terminal, in order.
    var input: AsyncStream<TerminalInput> { get }
    /// Draws a whole frame (the terminal sends only what changed).
    func draw(_ grid: Grid)
    /// Tells the person that refreshes finished, in the way of `style` (never ``NotificationStyle/off``).
    func notify(_ text: String, style: NotificationStyle)
    /// Gives the terminal back.
    func stop()
}

/// Input from the terminal.
public enum TerminalInput: Sendable, Equatable {
    case key(Key)
    /// A click or a turn of the wheel.
    case mouse(MouseInput)
    case resize(width: Int, height: Int)
    /// The terminal's window came to the front (true) or went behind another (false).
    case focus(Bool)
    /// The terminal went away, or the process was asked to stop.
    case closed
}
