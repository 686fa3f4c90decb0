/// A key read from the terminal.
public enum KeyPress: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// Ctrl and a lower-case letter.
    case control(Character)
    /// F1 to F12.
    case function(Int)
}

/// What the terminal reports.
public enum TerminalEvent: Sendable, Equatable {
    case key(KeyPress)
    /// A click or a turn of the wheel, when the mouse is on.
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The terminal's window came to the front (true) or went behind another (false), for terminals that
    /// report focus (xterm's mode 1004; tmux with `focus-events on`).
    case focus(Bool)
    /// The terminal went away (end of input, I/O error, SIGHUP).
    case closed
    /// SIGTERM or SIGINT: time to leave.
    case terminate
}

/// Whether to draw in colour.
public enum ColorMode: Sendable {
    case auto, always, never
}
