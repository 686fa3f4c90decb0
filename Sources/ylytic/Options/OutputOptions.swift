import ArgumentParser
import DashboardCore

/// When to colour human output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, always, never
}

/// How results are printed.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false

    @Option(name: .long, help: "Colour text output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Flag(name: .long, help: "Draw with ASCII characters only.")
    var ascii = false

    /// The writer for this command's standard output.
    func writer(_ context: CommandContext) -> TextWriter {
        let colour: Bool =
            switch color {
            case .always: true
            case .never: false
            case .auto:
                context.stdoutIsTerminal && (context.environment["NO_COLOR"] ?? "").isEmpty
                    && context.environment["TERM"] != "dumb"
            }
        let asciiOnly = ascii || !LocaleEncoding.isUTF8(context.environment)
        return TextWriter(sink: context.stdout, colour: colour, glyphs: asciiOnly ? .ascii : .unicode)
    }
}

/// Whether the locale's character set is UTF-8, read as the C library would: LC_ALL, LC_CTYPE, LANG.
enum LocaleEncoding {
    static func isUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
