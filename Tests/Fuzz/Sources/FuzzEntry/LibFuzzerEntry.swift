import CLibFuzzer

/// Hands the program over to libFuzzer's driver, which tests each input with the target's
/// `LLVMFuzzerTestOneInput`. Each target calls it from its `<Target>_main`: SwiftPM links a Linux executable's
/// `main` to that symbol, which library-mode parsing (needed so that libFuzzer's own `main` can exist) never emits.
public func runLibFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, LLVMFuzzerTestOneInput)
}
