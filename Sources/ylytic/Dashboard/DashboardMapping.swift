import DashboardApp
import DashboardCore
import Terminal
import TextGrid

/// The ncurses screen as the dashboard sees it: keys mapped to the dashboard's, signals to `closed`.
struct TerminalScreenSurface: DashboardTerminal {
    let screen: TerminalScreen
    /// Whether the dashboard runs inside tmux, whose passthrough wraps a desktop notification.
    let insideTmux: Bool

    var size: (width: Int, height: Int) { screen.size }

    var input: AsyncStream<TerminalInput> {
        let events = screen.events
        return AsyncStream { continuation in
            let forwarder = Task {
                for await event in events {
                    switch event {
                    case .key(let press): continuation.yield(.key(Key(press)))
                    case .mouse(let event): if let input = MouseInput(event) { continuation.yield(.mouse(input)) }
                    case .resize(let width, let height): continuation.yield(.resize(width: width, height: height))
                    case .focus(let isInFront): continuation.yield(.focus(isInFront))
                    case .closed, .terminate: continuation.yield(.closed)
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in forwarder.cancel() }
        }
    }

    func draw(_ grid: Grid) {
        screen.draw(grid)
    }

    func notify(_ text: String, style: NotificationStyle) {
        let escape: TerminalNotification.Escape? =
            switch style {
            case .off, .bell: nil
            case .osc: .osc9
            case .osc777: .osc777
            }
        guard style != .off else { return }
        screen.notify(text, escape: escape, insideTmux: insideTmux)
    }

    func stop() {
        screen.stop()
    }
}

extension MouseInput {
    /// The dashboard's mouse input for a terminal report: the left button's press and the wheel.
    init?(_ event: MouseEvent) {
        switch event.action {
        case .press(1): self.init(.click, x: event.x, y: event.y)
        case .wheelUp: self.init(.wheelUp, x: event.x, y: event.y)
        case .wheelDown: self.init(.wheelDown, x: event.x, y: event.y)
        default: return nil
        }
    }
}

extension Key {
    /// The dashboard's key for a terminal key.
    init(_ press: KeyPress) {
        self =
            switch press {
            case .character(let character): .character(character)
            case .up: .up
            case .down: .down
            case .left: .left
            case .right: .right
            case .pageUp: .pageUp
            case .pageDown: .pageDown
            case .home: .home
            case .end: .end
            case .enter: .enter
            case .escape: .escape
            case .backspace: .backspace
            case .delete: .delete
            case .tab: .tab
            case .backTab: .backTab
            case .control(let character): .control(character)
            case .function(let number): .function(number)
            }
    }
}
