/// What the mouse did: a button pressed or released, or the wheel turned, at a cell.
public struct MouseEvent: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        /// Button 1 (left), 2 (middle) or 3 (right) pressed.
        case press(Int)
        case release
        case wheelUp
        case wheelDown
    }

    public let action: Action
    /// The column, from 0.
    public let x: Int
    /// The row, from 0.
    public let y: Int

    public init(action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }
}

/// Reads the mouse reports of xterm's SGR protocol (mode 1006), which tmux and
/// xterm-compatible terminals send once asked: `ESC [ < button ; column ; row M` for a
/// press or a turn of the wheel, `m` for a release. Columns and rows are not limited to
/// 223, as in the older protocol. ncurses reads these itself when the terminal's
/// description says so (`kmous=\E[<`, as xterm's does); under descriptions that expect
/// the older protocol (tmux's, screen's), it hands them over character by character and
/// they are read here.
public enum MouseReport {
    /// Asks the terminal to send its mouse reports (once they are turned on) in the SGR protocol.
    public static let enableSGR = "\u{1B}[?1006h"
    /// Back to the terminal's usual protocol.
    public static let disableSGR = "\u{1B}[?1006l"

    /// The report at the start of `input`, which follows an ESC, and how many scalars it
    /// took; nil when `input` does not start with a whole SGR report.
    public static func parse(_ input: some Collection<Unicode.Scalar>) -> (event: MouseEvent?, length: Int)? {
        var scalars = input.makeIterator()
        guard scalars.next() == "[", scalars.next() == "<" else { return nil }
        var numbers: [Int] = [0]
        var length = 2
        while let scalar = scalars.next() {
            length += 1
            switch scalar {
            case "0"..."9":
                guard numbers[numbers.count - 1] < 100_000 else { return nil }
                numbers[numbers.count - 1] = numbers[numbers.count - 1] * 10 + Int(scalar.value - 48)
            case ";":
                guard numbers.count < 3 else { return nil }
                numbers.append(0)
            case "M", "m":
                guard numbers.count == 3, numbers[1] >= 1, numbers[2] >= 1 else { return nil }
                return (event(button: numbers[0], x: numbers[1] - 1, y: numbers[2] - 1, released: scalar == "m"), length)
            default:
                return nil
            }
        }
        return nil
    }

    /// The event a report means; nil for motion and buttons the dashboard has no use for.
    private static func event(button: Int, x: Int, y: Int, released: Bool) -> MouseEvent? {
        guard button & 32 == 0 else { return nil }  // motion
        let base = button & ~(4 | 8 | 16)  // without shift, meta and control
        if base & 64 != 0 {
            switch base & 3 {
            case 0: return MouseEvent(action: .wheelUp, x: x, y: y)
            case 1: return MouseEvent(action: .wheelDown, x: x, y: y)
            default: return nil
            }
        }
        if released { return MouseEvent(action: .release, x: x, y: y) }
        return (0...2).contains(base) ? MouseEvent(action: .press(base + 1), x: x, y: y) : nil
    }
}
