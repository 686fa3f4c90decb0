import Foundation

/// Text for a terminal whose locale is not UTF-8: every script written in Latin letters as ICU spells it
/// ("東京" becomes "dong jing", "Zoë" "Zoe", curly quotes straight ones), and anything left, emoji say, as "?".
enum ASCIIText {
    private static let toASCII = StringTransform("Any-Latin; Latin-ASCII")

    static func transliterate(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        let latin = text.applyingTransform(toASCII, reverse: false) ?? text
        return String(String.UnicodeScalarView(latin.unicodeScalars.map { $0.isASCII ? $0 : "?" }))
    }
}
