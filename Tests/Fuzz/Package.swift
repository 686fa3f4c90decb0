// swift-tools-version: 6.1
import Foundation
import PackageDescription

// Fuzz targets of ylytic: libFuzzer executables, built with `-sanitize=fuzzer,address` by run.sh. Each defines
// LLVMFuzzerTestOneInput and also `<Target>_main`, which SwiftPM makes the program's `main` on Linux (and which
// the library-mode parsing libFuzzer needs never emits); it hands control to libFuzzer's driver.
// SwiftPM names a path dependency after its folder, which differs between clones.
let ylytic = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "ylytic-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../..")],
    targets: [
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(
            name: "FuzzReader", dependencies: ["CLibFuzzer", .product(name: "RefreshAPI", package: ylytic)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "FuzzPastedURL", dependencies: ["CLibFuzzer", .product(name: "RefreshAPI", package: ylytic)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "FuzzSanitizer", dependencies: ["CLibFuzzer", .product(name: "TextGrid", package: ylytic)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v6]
)
