#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The width in columns of the terminal a descriptor writes to, for text output that should fit it.
public enum TerminalWidth {
    /// The columns of the terminal on `descriptor`; nil when it is not a terminal (a pipe, a file).
    public static func of(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }
}
