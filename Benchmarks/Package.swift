// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which differs between clones.
let ylytic = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// Benchmarks of ylytic, kept apart from the main package so that its build stays light.
// Run: swift package benchmark   (release mode)
let package = Package(
    name: "ylytic-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(name: "ResponseBodies", path: "Sources/ResponseBodies"),
        // Decoding timed with the C library's allocator: the benchmarks' malloc interposer puts a header on every
        // allocation, which slows code that allocates per post. Run: swift run -c release decode-timing
        .executableTarget(
            name: "decode-timing", dependencies: [.product(name: "RefreshAPI", package: ylytic), "ResponseBodies"],
            path: "Sources/DecodeTiming"),
        // A store of many creators and refreshes, for timing whole commands. Run: swift run -c release seed-creators PATH
        .executableTarget(
            name: "seed-creators",
            dependencies: [
                .product(name: "RefreshAPI", package: ylytic), .product(name: "RefreshStore", package: ylytic),
                .product(name: "RefreshTestSupport", package: ylytic), .product(name: "RefreshTracking", package: ylytic),
            ],
            path: "Sources/SeedCreators"),
    ] + ["Decoding", "Monitor", "Store", "Dashboard"].map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "ResponseBodies",
                .product(name: "RefreshAPI", package: ylytic),
                .product(name: "RefreshStore", package: ylytic),
                .product(name: "RefreshSimulator", package: ylytic),
                .product(name: "RefreshTestSupport", package: ylytic),
                .product(name: "RefreshTracking", package: ylytic),
                .product(name: "DashboardCore", package: ylytic),
                .product(name: "TextGrid", package: ylytic),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    },
    swiftLanguageModes: [.v6]
)
