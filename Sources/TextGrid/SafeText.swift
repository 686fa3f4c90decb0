/// Makes text from the server safe to write to a terminal: no C0 or C1 control
/// characters, no escape sequences, no bidirectional overrides or isolates.
public enum SafeText {
    /// Returns `text` with every escape sequence removed, tabs and line breaks
    /// turned into spaces (or kept as `\n` when `keepingNewlines`), and every other
    /// control, bidi-override or line-separator character dropped.
    public static func sanitize(_ text: String, keepingNewlines: Bool = false) -> String {
        if isPlainASCII(text) { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pendingReturn = false
        while let scalar = scalars.next() {
            let value = scalar.value
            if pendingReturn, value != 0x0A {
                output.append(keepingNewlines ? "\n" : " ")
            }
            pendingReturn = false
            switch value {
            case 0x1B:
                skipEscapeSequence(&scalars)
            case 0x0D:
                pendingReturn = true
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                output.append(keepingNewlines ? "\n" : " ")
            case 0x09:
                output.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0x200E, 0x200F:
                continue
            default:
                output.append(scalar)
            }
        }
        if pendingReturn { output.append(keepingNewlines ? "\n" : " ") }
        return String(output)
    }

    /// Whether every byte is printable ASCII: such text needs no work.
    @inline(__always)
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Consumes the rest of an escape sequence whose ESC was just read: CSI
    /// (`ESC [ … final`), OSC/DCS/APC/PM/SOS (`ESC ] … BEL` or `ESC \`), or a
    /// two-character sequence.
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            while let scalar = scalars.next() {
                if (0x40...0x7E).contains(scalar.value) { return }
            }
        case "]", "P", "_", "^", "X":
            var previousWasEscape = false
            while let scalar = scalars.next() {
                if scalar.value == 0x07 || (previousWasEscape && scalar == "\\") { return }
                previousWasEscape = scalar.value == 0x1B
            }
        default:
            return
        }
    }
}
