import DashboardApp
import DashboardCore
import Foundation
import RefreshAPI
import RefreshStore
import RefreshTracking
import Terminal
import TextGrid

/// Starts the screen for `dash`, `demo` and `open`, with logs sent to a file while it is up. `postText` is the
/// whole reading of the body `page` was read from without its posts' text.
enum DashboardLauncher {
    static func run(
        store: any TrackingStore, client: RefreshClient?, source: String, setupHint: String?, starters: [RefreshTarget],
        page: CreatorPage? = nil, postText: WholeReading? = nil, output: OutputOptions, notify: NotificationStyle? = nil, context: CommandContext
    ) async -> ExitStatus {
        let colorMode: ColorMode =
            switch output.color {
            case .never: .never
            case .always: .always
            case .auto: (context.environment["NO_COLOR"] ?? "").isEmpty ? .auto : .never
            }
        let logFile = StateDirectory(environment: context.environment).url.appendingPathComponent("dashboard.log")
        let savedStderr = redirectStandardError(to: logFile)
        defer { restoreStandardError(savedStderr) }
        // A bad config never stops the dashboard: what is wrong goes on the status bar, the rest applies.
        let config = LoadedConfig(environment: context.environment)
        let terminal: TerminalScreen
        do {
            terminal = try TerminalScreen(colors: colorMode, mouse: config.reading.settings.mouse)
        } catch {
            restoreStandardError(savedStderr)
            return context.fail(CommandFailure(message: "\(error)", status: .invalidInput))
        }
        var settings = config.reading.settings
        settings.ascii = output.ascii || !LocaleEncoding.isUTF8(context.environment)
        if let notify { settings.notify = notify }
        var state = DashboardState(now: context.time.now, source: source, settings: settings)
        if let problem = config.notice { state.shared.warn(problem) }
        if let setupHint {
            state.start(on: [.setup(SetupScreen(hint: setupHint))])
        } else if let page {
            // Opened on a file: the page is the only screen, and leaving it quits.
            state.start(on: Screen.opening(page, postsSort: settings.postsSort))
        }
        let runtime = DashboardRuntime(
            terminal: TerminalScreenSurface(screen: terminal, insideTmux: !(context.environment["TMUX"] ?? "").isEmpty),
            tracker: context.tracker(store: store, client: client, scope: .everything), store: store, state: state,
            time: context.time, exportFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let stoppedBatches = await runtime.run(submitting: starters, postText: postText)
        // What was left unsent by quitting is said where the person looks next: the terminal, once it is back.
        restoreStandardError(savedStderr)
        for sentence in stoppedBatches { context.stderr.line("ylytic: " + SafeText.sanitize(sentence)) }
        return runtime.wasInterrupted ? .interrupted : .succeeded
    }

    /// Sends standard error to the log file while the screen is up; returns the saved descriptor.
    private static func redirectStandardError(to file: URL) -> Int32 {
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let log = open(file.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard log >= 0 else { return -1 }
        let saved = dup(STDERR_FILENO)
        dup2(log, STDERR_FILENO)
        close(log)
        return saved
    }

    private static func restoreStandardError(_ saved: Int32) {
        guard saved >= 0 else { return }
        dup2(saved, STDERR_FILENO)
    }
}
