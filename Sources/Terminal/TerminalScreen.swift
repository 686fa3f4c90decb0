import CNcursesw
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import TextGrid

/// The full-screen terminal: draws grids (only the cells that changed), reads keys,
/// reports resizes and signals, and always gives the terminal back as it found it.
/// Every ncurses call happens on one serial queue; the signal sources are set once
/// in `init` and only cancelled in `stop`, which is why the class is `@unchecked Sendable`.
public final class TerminalScreen: @unchecked Sendable {
    private let queue = DispatchQueue(label: "ylytic.terminal")
    private let state = Mutex(DrawState())
    private let wakePipe: (read: Int32, write: Int32)
    private let colors: Bool
    private let mouse: Bool
    private let signalSources: [any DispatchSourceSignal]
    private let (eventStream, eventContinuation) = AsyncStream.makeStream(of: TerminalEvent.self)

    private struct DrawState {
        var previous: Grid?
        /// Rows where text was written past ncurses (`TerminalCells.fitsOneCchar` is false):
        /// ncurses believes those cells blank, so a change on such a row redraws it whole.
        var rowsWithText: Set<Int> = []
        var pairs: [ColorPair: Int16] = [:]
        var isStopped = false
    }

    /// Why the screen cannot start.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// Takes over the terminal. Fails when standard input or output is not a terminal.
    /// Takes over the terminal, with mouse reports when `mouse` (clicks and the wheel;
    /// the terminal's own selection still works with Shift held).
    public init(colors mode: ColorMode, mouse: Bool = false) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw Unavailable(description: "the dashboard needs a terminal; use the commands (ylytic --help) in scripts")
        }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Unavailable(description: "cannot create a pipe") }
        wakePipe = (fds[0], fds[1])
        _ = fcntl(wakePipe.read, F_SETFL, fcntl(wakePipe.read, F_GETFL) | O_NONBLOCK)

        CrashGuard.install()
        for number in [SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT] { signal(number, SIG_IGN) }
        setlocale(LC_ALL, "")
        var useColors = false
        queue.sync {
            initscr()
            raw()
            noecho()
            nonl()
            keypad(ylytic_stdscr(), true)
            nodelay(ylytic_stdscr(), true)
            set_escdelay(25)
            curs_set(0)
            if mouse {
                // ncurses reads the reports its terminal description knows; the SGR ones (which tmux sends
                // once asked, whatever TERM says) are read by MouseReport.
                ylytic_mouse_on()
                ylytic_write_raw(MouseReport.enableSGR)
            }
            ylytic_write_raw(Self.enableFocusReports)
            if mode != .never, has_colors() {
                start_color()
                use_default_colors()
                useColors = true
            }
        }
        colors = useColors
        self.mouse = mouse

        var sources: [any DispatchSourceSignal] = []
        let continuation = eventContinuation
        let resize = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: queue)
        sources.append(resize)
        for (signal, event) in [(SIGTERM, TerminalEvent.terminate), (SIGINT, .terminate), (SIGQUIT, .terminate), (SIGHUP, .closed)] {
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler { continuation.yield(event) }
            sources.append(source)
        }
        signalSources = sources
        resize.setEventHandler { [weak self] in self?.handleResize() }
        for source in sources { source.resume() }
        startReader()
    }

    deinit {
        stop()
    }

    /// Asks the terminal to say when its window comes to the front or goes behind (xterm's mode 1004).
    static let enableFocusReports = "\u{1B}[?1004h"
    static let disableFocusReports = "\u{1B}[?1004l"

    /// Rings the bell and, with an `escape`, sends a desktop notification of `text` (wrapped for tmux when
    /// `insideTmux`). Written between frames, so that it never lands inside a drawing.
    public func notify(_ text: String, escape: TerminalNotification.Escape?, insideTmux: Bool) {
        let sequence = TerminalNotification.sequence(text, escape: escape, insideTmux: insideTmux)
        queue.sync { ylytic_write_raw(sequence) }
    }

    /// Keys, resizes and signals, in order.
    public var events: AsyncStream<TerminalEvent> { eventStream }

    /// The size in cells.
    public var size: (width: Int, height: Int) {
        queue.sync { (Int(ylytic_cols()), Int(ylytic_lines())) }
    }

    /// Draws `grid`, sending only the cells that differ from the last one drawn.
    ///
    /// Cells that one `cchar_t` holds go through ncurses. The others (emoji pictures,
    /// whose width terminals disagree on, and cells with more marks than a `cchar_t`
    /// takes) are drawn blank by ncurses, then written whole at their place with the
    /// cursor moved by absolute address before and after, so that no character is lost
    /// and the columns after them stay aligned whatever width the terminal gives them.
    public func draw(_ grid: Grid) {
        queue.sync {
            let plan = state.withLock { state -> (runs: [GridChange], wholeRows: Set<Int>)? in
                guard !state.isStopped else { return nil }
                defer { state.previous = grid }
                let changes = grid.changes(since: state.previous)
                let wholeRows = Set(changes.map(\.y)).intersection(state.rowsWithText)
                let runs = changes.filter { !wholeRows.contains($0.y) }
                    + wholeRows.sorted().map(grid.rowChange)
                for run in runs {
                    if run.x == 0 && run.cells.count == grid.width {
                        state.rowsWithText.remove(run.y)
                    }
                    if TerminalCells.needsText(run.cells) { state.rowsWithText.insert(run.y) }
                }
                return (runs, wholeRows)
            }
            guard let plan, !plan.runs.isEmpty else { return }
            for run in plan.runs { put(run) }
            for y in plan.wholeRows { wredrawln(ylytic_stdscr(), Int32(y), 1) }
            wnoutrefresh(ylytic_stdscr())
            doupdate()
            var wroteText = false
            for run in plan.runs { wroteText = writeText(of: run) || wroteText }
            if wroteText { ylytic_flush_text() }
        }
    }

    /// Gives the terminal back: leaves the full screen, shows the cursor, restores modes. Safe to call twice.
    public func stop() {
        let wasRunning = state.withLock { state in
            defer { state.isStopped = true }
            return !state.isStopped
        }
        guard wasRunning else { return }
        for source in signalSources { source.cancel() }
        queue.sync {
            if mouse {
                ylytic_write_raw(MouseReport.disableSGR)
                ylytic_mouse_off()
            }
            ylytic_write_raw(Self.disableFocusReports)
            curs_set(1)
            endwin()
        }
        var byte: UInt8 = 0
        _ = write(wakePipe.write, &byte, 1)
        for number in [SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT] { signal(number, SIG_DFL) }
        CrashGuard.uninstall()
        eventContinuation.finish()
    }

    private func handleResize() {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, !state.withLock({ $0.isStopped }) else { return }
        resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        wclear(ylytic_stdscr())
        state.withLock {
            $0.previous = nil
            $0.rowsWithText = []
        }
        eventContinuation.yield(.resize(width: Int(size.ws_col), height: Int(size.ws_row)))
    }

    /// Waits for input on its own thread (no timers: it sleeps until a key or a stop),
    /// then reads the keys on the terminal queue.
    private func startReader() {
        let wake = wakePipe.read
        let thread = Thread { [weak self] in
            var quietReads = 0
            while true {
                var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&fds, 2, -1)
                if ready < 0 {
                    if errno == EINTR { continue }
                    self?.eventContinuation.yield(.closed)
                    return
                }
                guard let self, !self.state.withLock({ $0.isStopped }) else { return }
                if fds[1].revents != 0 { return }
                if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                    self.eventContinuation.yield(.closed)
                    return
                }
                let (events, readSomething) = self.queue.sync { self.readInput() }
                if !readSomething {
                    // Readable but nothing to read: the terminal is gone (EOF).
                    quietReads += 1
                    if quietReads >= 3 {
                        self.eventContinuation.yield(.closed)
                        return
                    }
                } else {
                    quietReads = 0
                    for event in events { self.eventContinuation.yield(event) }
                }
            }
        }
        thread.name = "ylytic.terminal.input"
        thread.start()
    }

    /// What ncurses has read: keys, and mouse reports (which ncurses hands over character
    /// by character, as it knows no key they could be); and whether anything was read.
    private func readInput() -> (events: [TerminalEvent], readSomething: Bool) {
        var raw: [(code: UInt32, isFunctionKey: Bool)] = []
        var code: wint_t = 0
        while true {
            let result = ylytic_get_key(&code)
            if result == ERR { break }
            if result == KEY_CODE_YES, Int32(code) == KEY_RESIZE { continue }
            raw.append((UInt32(code), result == KEY_CODE_YES))
        }
        var events: [TerminalEvent] = []
        var index = 0
        while index < raw.count {
            let (code, isFunctionKey) = raw[index]
            index += 1
            if isFunctionKey {
                if Int32(code) == KEY_MOUSE {
                    if let event = Self.mouseEvent() { events.append(.mouse(event)) }
                } else if let key = Self.functionKey(Int32(code)) {
                    events.append(.key(key))
                }
                continue
            }
            // Focus reports: ESC [ I (in front) and ESC [ O (behind).
            if code == 27, index + 1 < raw.count, raw[index].code == 91, !raw[index].isFunctionKey,
                !raw[index + 1].isFunctionKey, raw[index + 1].code == 73 || raw[index + 1].code == 79
            {
                events.append(.focus(raw[index + 1].code == 73))
                index += 2
                continue
            }
            if code == 27, let report = MouseReport.parse(raw[index...].lazy.map { $0.isFunctionKey ? "\u{0}" : Unicode.Scalar($0.code) ?? "\u{0}" }) {
                if let event = report.event { events.append(.mouse(event)) }
                index += report.length
                continue
            }
            if let key = Self.characterKey(code) { events.append(.key(key)) }
        }
        return (events, !raw.isEmpty)
    }

    /// The mouse event ncurses decoded.
    private static func mouseEvent() -> MouseEvent? {
        var x: Int32 = 0
        var y: Int32 = 0
        let action: MouseEvent.Action? =
            switch ylytic_get_mouse(&x, &y) {
            case 1: .press(1)
            case 2: .release
            case 4: .wheelUp
            case 5: .wheelDown
            default: nil
            }
        return action.map { MouseEvent(action: $0, x: Int(x), y: Int(y)) }
    }

    private static func functionKey(_ code: Int32) -> KeyPress? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case (KEY_F0 + 1)...(KEY_F0 + 12): .function(Int(code - KEY_F0))
        default: nil
        }
    }

    private static func characterKey(_ value: UInt32) -> KeyPress? {
        switch value {
        case 13, 10: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0..<32: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    /// Puts a run of cells into ncurses' screen; a cell no `cchar_t` holds goes in as blanks.
    private func put(_ change: GridChange) {
        var x = change.x
        for (index, cell) in change.cells.enumerated() {
            defer { x += 1 }
            if cell.isContinuation { continue }
            let columns = TerminalCells.columns(of: index, in: change.cells)
            let (attributes, pair) = look(of: cell.style)
            guard TerminalCells.fitsOneCchar(cell, columns: columns) else {
                for column in x..<(x + columns) { _ = ylytic_put_cell(Int32(change.y), Int32(column), [32, 0], attributes, pair) }
                continue
            }
            var text = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            text.append(0)
            _ = ylytic_put_cell(Int32(change.y), Int32(x), text, attributes, pair)
        }
    }

    /// Writes the cells of a run that ncurses drew blank; returns whether there were any.
    private func writeText(of change: GridChange) -> Bool {
        var wrote = false
        for (index, cell) in change.cells.enumerated() where !cell.isContinuation {
            let columns = TerminalCells.columns(of: index, in: change.cells)
            guard !TerminalCells.fitsOneCchar(cell, columns: columns) else { continue }
            let (attributes, pair) = look(of: cell.style)
            ylytic_put_text_at(Int32(change.y), Int32(change.x + index), Int32(columns), cell.text, attributes, pair)
            wrote = true
        }
        return wrote
    }

    private func look(of style: Style) -> (attr_t, Int16) {
        var attributes = ylytic_attr_normal()
        if style.bold { attributes |= ylytic_attr_bold() }
        if style.dim { attributes |= ylytic_attr_dim() }
        if style.reverse { attributes |= ylytic_attr_reverse() }
        if style.underline { attributes |= ylytic_attr_underline() }
        guard colors, style.foreground != .default || style.background != .default else { return (attributes, 0) }
        let key = ColorPair(foreground: style.foreground, background: style.background)
        let pair = state.withLock { state -> Int16 in
            if let pair = state.pairs[key] { return pair }
            let next = Int16(state.pairs.count + 1)
            guard Int32(next) < ylytic_color_pairs() else { return 0 }
            let colors = Int(ylytic_colors())
            init_extended_pair(
                Int32(next), ColorNumbers.number(style.foreground, colors: colors), ColorNumbers.number(style.background, colors: colors))
            state.pairs[key] = next
            return next
        }
        return (attributes, pair)
    }
}

/// A foreground and a background, which ncurses draws with one colour pair.
private struct ColorPair: Hashable {
    let foreground: TerminalColor
    let background: TerminalColor
}
