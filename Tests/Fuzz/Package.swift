// swift-tools-version: 6.1
import Foundation
import PackageDescription

// Fuzz targets of ylytic: libFuzzer executables, built with `-sanitize=fuzzer,address` by run.sh. Each defines
// LLVMFuzzerTestOneInput, and `<Target>_main` calling FuzzEntry's runLibFuzzer (see there why).
// SwiftPM names a path dependency after its folder, which differs between clones.
let ylytic = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "ylytic-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../..")],
    targets: [
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "FuzzEntry", dependencies: ["CLibFuzzer"]),
        .executableTarget(
            name: "FuzzReader", dependencies: ["FuzzEntry", .product(name: "RefreshAPI", package: ylytic)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "FuzzPastedURL", dependencies: ["FuzzEntry", .product(name: "RefreshAPI", package: ylytic)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "FuzzCreatorQuery", dependencies: ["FuzzEntry", .product(name: "RefreshTracking", package: ylytic)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(
            name: "FuzzSanitizer", dependencies: ["FuzzEntry", .product(name: "TextGrid", package: ylytic)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v6]
)
