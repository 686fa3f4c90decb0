import ArgumentParser
import Foundation

/// `--max-age`: the age past which a roster's figures are stale.
struct MaxAgeOption: ParsableArguments {
    @Option(
        name: .customLong("max-age"),
        help: ArgumentHelp("Figures older than this are stale (7d, 12h; 0: never).", valueName: "duration"))
    var text: String?

    func validate() throws {
        if let text { _ = try DurationText.seconds(text, option: "--max-age") }
    }

    /// Whether the option was given.
    var isGiven: Bool { text != nil }

    /// The age in seconds; nil when not given or 0 (never stale).
    var seconds: TimeInterval? {
        text.flatMap { try? DurationText.seconds($0, option: "--max-age") }.flatMap { $0 > 0 ? $0 : nil }
    }
}
