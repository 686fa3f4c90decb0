import FuzzEntry
import RefreshAPI

/// Any text as something pasted into the new-request form: a target or an explanation, never a crash; a target
/// always passes the API's rules again as it is.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPastedURL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let target = try? RefreshTarget(parsing: text) else { return 0 }
    guard (try? RefreshTarget(type: target.type, value: target.value)) == target else {
        fatalError("'\(text)' gave \(target.type.rawValue) '\(target.value)', which its own rules refuse")
    }
    return 0
}

/// The program's entry (SwiftPM links `main` to it).
@_cdecl("FuzzPastedURL_main")
public func runFuzzPastedURL(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv)
}
