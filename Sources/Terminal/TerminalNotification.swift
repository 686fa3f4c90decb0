/// The bytes that tell a person something finished: the bell, and a desktop notification by OSC 9 or OSC 777
/// `notify` when asked. Inside tmux the escape is wrapped for tmux to pass it on (`allow-passthrough on`); the
/// bell is not, so that tmux marks the window's bell flag and rings by its own settings.
public enum TerminalNotification {
    /// The desktop notification's escape.
    public enum Escape: Sendable {
        case osc9
        case osc777
    }

    /// The bell, then `escape`'s notification of `text` (which is stripped of control characters and cut to
    /// 200 characters, since terminals take it as it comes).
    public static func sequence(_ text: String, escape: Escape?, insideTmux: Bool) -> String {
        let bell = "\u{07}"
        guard let escape else { return bell }
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) && $0 != ";"
        }.prefix(200)))
        let osc =
            switch escape {
            case .osc9: "\u{1B}]9;\(clean)\u{07}"
            case .osc777: "\u{1B}]777;notify;ylytic;\(clean)\u{07}"
            }
        guard insideTmux else { return bell + osc }
        return bell + "\u{1B}Ptmux;" + osc.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }
}
