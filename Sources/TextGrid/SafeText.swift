/// Makes text from the server safe to write to a terminal: no C0 or C1 control
/// characters, no escape sequences, no bidirectional overrides or isolates, and no
/// zero-width joiner that joins nothing.
public enum SafeText {
    /// Returns `text` with every escape sequence removed, tabs and line breaks
    /// turned into spaces (or kept as `\n` when `keepingNewlines`), every other
    /// control, bidi-override or line-separator character dropped, and every
    /// zero-width joiner that joins nothing (at either end, or next to a space) dropped.
    public static func sanitize(_ text: String, keepingNewlines: Bool = false) -> String {
        if isPlainASCII(text) { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pendingReturn = false
        let lineBreak: Unicode.Scalar = keepingNewlines ? "\n" : " "
        while let scalar = scalars.next() {
            let value = scalar.value
            if pendingReturn, value != 0x0A {
                append(lineBreak, to: &output)
            }
            pendingReturn = false
            switch value {
            case 0x1B:
                skipEscapeSequence(&scalars)
            case 0x0D:
                pendingReturn = true
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                append(lineBreak, to: &output)
            case 0x09:
                append(" ", to: &output)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0x200E, 0x200F:
                continue
            default:
                append(scalar, to: &output)
            }
        }
        if pendingReturn { append(lineBreak, to: &output) }
        if output.last?.value == zeroWidthJoiner { output.removeLast() }
        return String(output)
    }

    private static let zeroWidthJoiner: UInt32 = 0x200D

    /// Returns `text` with every character a terminal would act on or hide named instead (`U+1B`, `U+202E`): C0
    /// and C1 controls (an escape sequence's ESC among them, so the rest of it shows as the harmless text it is),
    /// bidirectional overrides and isolates, and line separators; `\n` is kept. For messages that quote what a
    /// person typed or a file held, so that what was wrong with it can be seen.
    public static func visible(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                output.unicodeScalars.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0x200E, 0x200F, 0x85, 0x2028, 0x2029:
                output += "U+" + String(scalar.value, radix: 16, uppercase: true)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Appends a scalar, dropping a zero-width joiner that joins nothing (at the start,
    /// next to a space or another joiner): terminals would join it to whatever they
    /// draw next, wherever that is.
    private static func append(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView) {
        if scalar.value == zeroWidthJoiner {
            guard let previous = output.last, previous.value != zeroWidthJoiner, !previous.properties.isWhitespace else { return }
        } else if scalar.properties.isWhitespace, output.last?.value == zeroWidthJoiner {
            output.removeLast()
        }
        output.append(scalar)
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
