import FuzzEntry
import TextGrid

/// Any text from a server, made safe for a terminal: nothing below space or in C1, no escape sequence, no bidi
/// override survives; sanitising twice changes nothing; measuring and cutting never crash; text that fits a row of
/// the grid is placed with every scalar kept, in the columns measured.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanitizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let safe = SafeText.sanitize(text)
    for scalar in safe.unicodeScalars {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
        {
            fatalError("U+\(String(value, radix: 16)) survived sanitising")
        }
    }
    guard SafeText.sanitize(safe) == safe else { fatalError("sanitising twice changed the text") }
    let width = DisplayWidth.of(safe)
    let cut = ColumnFit.truncate(safe, to: width / 2)
    guard DisplayWidth.of(cut) <= max(width / 2, 0) else { fatalError("a cut text is wider than asked") }
    if width < 250 {
        var grid = Grid(width: 256, height: 1)
        let end = grid.put(safe, x: 0, y: 0)
        let placed = grid.lines[0].unicodeScalars.filter { $0 != " " }
        guard placed.elementsEqual(safe.unicodeScalars.filter { $0 != " " }) else { fatalError("the grid lost or added a scalar") }
        guard end == width || end == width + 1 && DisplayWidth.width(of: safe.unicodeScalars.first!) == 0 else {
            fatalError("the grid placed \(end) columns of text measured \(width)")
        }
    }
    return 0
}

/// The program's entry (SwiftPM links `main` to it).
@_cdecl("FuzzSanitizer_main")
public func runFuzzSanitizer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv)
}
