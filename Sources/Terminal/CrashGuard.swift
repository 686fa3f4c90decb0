#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's settings before the screen started, restored from a signal handler if the process crashes.
nonisolated(unsafe) private var savedSettings = termios()
nonisolated(unsafe) private var hasSavedSettings = false

/// Restores the terminal when the process dies of a crash signal, then lets it die as it would have.
enum CrashGuard {
    static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    static func install() {
        if tcgetattr(STDIN_FILENO, &savedSettings) == 0 { hasSavedSettings = true }
        for number in signals {
            var action = sigaction()
            let handler: @convention(c) (Int32) -> Void = { caught in
                if hasSavedSettings { tcsetattr(STDIN_FILENO, TCSANOW, &savedSettings) }
                let reset: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1004l\u{1B}[?1049l\r\n"
                _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
                signal(caught, SIG_DFL)
                raise(caught)
            }
            #if os(Linux)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND))
            sigaction(number, &action, nil)
        }
    }

    static func uninstall() {
        for number in signals { signal(number, SIG_DFL) }
    }
}
