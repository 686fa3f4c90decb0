import Foundation
import Presentation
import TextGrid

/// What every screen and box of the dashboard shares: the clock, the size of the terminal, the settings, the line
/// on the status bar, the store's connection, and the names of the rosters (to complete one).
public struct Shared: Sendable, Equatable {
    /// A line for the status bar; it goes after ten seconds, thirty for a problem.
    public struct Notice: Sendable, Equatable {
        public let text: String
        public let isError: Bool
        /// When it appeared.
        public let shownAt: Date

        /// How long it stays.
        public var lifetime: TimeInterval { isError ? 30 : 10 }
    }

    /// Whether changes are followed live, and whether the store can be reached.
    public struct Connection: Sendable, Equatable {
        /// Whether this dashboard polls (paused: it leaves its requests to another process and still shows changes).
        public var isLive = true
        /// Why the store cannot be reached, while its connection is lost.
        public var offlineBecause: String?
    }

    public var now: Date
    public var width = 80
    public var height = 24
    public var settings: DashboardSettings
    public private(set) var notice: Notice?
    public var connection = Connection()
    /// Whether the terminal says its window is in front (terminals that report focus; assumed otherwise).
    public var hasFocus = true
    /// Where the data comes from, for the header (e.g. "demo simulator").
    public let source: String
    /// The rosters in the store, by name, for completing one.
    public var rosterNames: [String] = []
    /// The paid refreshes sent today and the budget, once read from the store.
    public var usage: UsageToday?
    /// Whether the screen shown is the only one (leaving it quits).
    public internal(set) var isOnlyScreen = false

    public init(now: Date, source: String, settings: DashboardSettings = DashboardSettings()) {
        self.now = now
        self.source = source
        self.settings = settings
    }

    /// Shows `text` on the status bar.
    public mutating func tell(_ text: String) {
        notice = Notice(text: text, isError: false, shownAt: now)
    }

    /// Shows `text` on the status bar as a problem.
    public mutating func warn(_ text: String) {
        notice = Notice(text: text, isError: true, shownAt: now)
    }

    /// Clears the status bar's notice.
    public mutating func clearNotice() {
        notice = nil
    }

    /// Clears a notice that has outlived its lifetime.
    mutating func expireNotice() {
        if let notice, now.timeIntervalSince(notice.shownAt) >= notice.lifetime { self.notice = nil }
    }

    public var bindings: KeyBindings { settings.bindings }
    public var theme: Theme { settings.theme }
    public var glyphs: GlyphSet { settings.ascii ? .ascii : .unicode }
    var frame: Frame { settings.ascii ? .ascii : .unicode }

    /// The first key bound to `command` on a screen, as the help shows it ("Enter", "r"), for sentences that name it.
    public func key(_ command: Command, in context: KeyContext) -> String {
        bindings.keys(for: command, in: context).first?.label(ascii: settings.ascii) ?? "(no key)"
    }

    /// Every key bound to `command` on a screen, for the sentence of a box that must name all that act: "y or Y",
    /// "Esc, q or Enter".
    public func keys(_ command: Command, in context: KeyContext) -> String {
        let labels = bindings.keys(for: command, in: context).map { $0.label(ascii: settings.ascii) }
        guard let last = labels.last else { return "(no key)" }
        return labels.count == 1 ? last : labels.dropLast().joined(separator: ", ") + " or " + last
    }
}
