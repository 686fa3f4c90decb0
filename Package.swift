// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ylytic",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ylytic", targets: ["ylytic"]),
        .library(name: "RefreshAPI", targets: ["RefreshAPI"]),
        .library(name: "TextGrid", targets: ["TextGrid"]),
        .library(name: "Presentation", targets: ["Presentation"]),
        .library(name: "DashboardCore", targets: ["DashboardCore"]),
        .library(name: "DashboardApp", targets: ["DashboardApp"]),
        .library(name: "RefreshTracking", targets: ["RefreshTracking"]),
        .library(name: "RefreshStore", targets: ["RefreshStore"]),
        .library(name: "PostgresLedger", targets: ["PostgresLedger"]),
        .library(name: "RefreshSimulator", targets: ["RefreshSimulator"]),
        // Test doubles (clocks, randomness, a scripted API, throwaway PostgreSQL servers) for the tests and benchmarks.
        .library(name: "RefreshTestSupport", targets: ["RefreshTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // Already under PostgresNIO; named for the ledger's own look at a server's certificates.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .target(name: "RefreshAPI"),
        .target(
            name: "RefreshSimulator",
            dependencies: [
                "RefreshAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "RefreshTracking", dependencies: ["RefreshAPI"]),
        .target(
            name: "RefreshStore",
            dependencies: ["RefreshAPI", "RefreshTracking", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "PostgresLedger",
            dependencies: [
                "RefreshAPI", "RefreshTracking", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        .target(name: "TextGrid"),
        // ncurses with wide characters: libncursesw on Linux, the system's libncurses (wide already) on macOS.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(
            name: "Terminal", dependencies: ["CNcursesw", "TextGrid"],
            linkerSettings: [
                .linkedLibrary("ncursesw", .when(platforms: [.linux])), .linkedLibrary("ncurses", .when(platforms: [.macOS])),
            ]),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // Numbers, ages, times, states, the creator report and JSON as every front end writes them.
        .target(name: "Presentation", dependencies: ["RefreshAPI", "RefreshTracking", "TextGrid"]),
        .target(name: "DashboardCore", dependencies: ["RefreshAPI", "RefreshTracking", "Presentation", "TextGrid"]),
        .target(name: "DashboardApp", dependencies: ["DashboardCore", "Presentation", "RefreshTracking", "RefreshAPI", "TextGrid"]),
        .target(
            name: "DashboardConfig",
            dependencies: ["DashboardCore", "Presentation", "RefreshTracking", "TextGrid", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "ylytic",
            dependencies: [
                "RefreshAPI",
                "TextGrid",
                "DashboardCore",
                "DashboardApp",
                "DashboardConfig",
                "Presentation",
                "RefreshSimulator",
                "RefreshTracking",
                "RefreshStore",
                "PostgresLedger",
                "Terminal",
                "CMalloc",
                "CCurlOnDemand",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds on Linux link the Swift runtime and Foundation into the executable: resolving their
            // symbols at every start cost about 8 ms of each command's 27. Foundation's static archives are named as
            // the toolchain's static Foundation module would name them; libcurl is loaded by CCurlOnDemand when
            // the network is first used.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-lCoreFoundation", "-l_CFURLSessionInterface", "-l_FoundationCShims",
                        "-l_FoundationCollections", "-l_FoundationICU",
                    ], .when(platforms: [.linux], configuration: .release))
            ]
        ),
        // Loads libcurl when URLSession first needs it, in release builds on Linux (where Foundation is linked in).
        .target(
            name: "CCurlOnDemand",
            cSettings: [.define("YLYTIC_CURL_ON_DEMAND", .when(platforms: [.linux], configuration: .release))]),
        .target(name: "RefreshTestSupport", dependencies: ["RefreshAPI", "RefreshTracking"], path: "Tests/RefreshTestSupport"),
        .testTarget(name: "RefreshAPITests", dependencies: ["RefreshAPI", "RefreshTestSupport"]),
        .testTarget(name: "RefreshSimulatorTests", dependencies: ["RefreshSimulator", "RefreshAPI", "RefreshTestSupport"]),
        .executableTarget(
            name: "StoreProbe", dependencies: ["RefreshStore", "RefreshTracking", "RefreshAPI", "RefreshTestSupport"],
            path: "Tests/StoreProbe"),
        .testTarget(
            name: "RefreshStoreTests",
            dependencies: [
                "RefreshStore", "RefreshAPI", "RefreshTracking", "RefreshTestSupport", "StoreProbe",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "StoreContractTests",
            dependencies: ["RefreshStore", "PostgresLedger", "RefreshAPI", "RefreshTracking", "RefreshTestSupport"]),
        .testTarget(
            name: "RefreshTrackingTests",
            dependencies: ["RefreshTracking", "RefreshStore", "RefreshAPI", "RefreshTestSupport"]),
        .testTarget(
            name: "TextGridTests", dependencies: ["TextGrid", "CNcursesw"],
            linkerSettings: [
                .linkedLibrary("ncursesw", .when(platforms: [.linux])), .linkedLibrary("ncurses", .when(platforms: [.macOS])),
            ]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "PresentationTests", dependencies: ["Presentation", "RefreshAPI", "RefreshTracking", "TextGrid"]),
        .testTarget(
            name: "DashboardCoreTests",
            dependencies: ["DashboardCore", "Presentation", "RefreshTracking", "TextGrid", "RefreshTestSupport"],
            // The reference screens, read from the source tree by path (YLYTIC_RECORD=1 writes them).
            exclude: ["References"]),
        .testTarget(name: "DashboardConfigTests", dependencies: ["DashboardConfig", "DashboardCore", "Presentation", "TextGrid"]),
        .testTarget(
            name: "DashboardAppTests",
            dependencies: [
                "DashboardApp", "DashboardCore", "RefreshTracking", "RefreshStore", "RefreshAPI", "RefreshTestSupport",
                "TextGrid",
            ]),
        .testTarget(
            name: "ylyticTests", dependencies: ["ylytic", "RefreshAPI", "RefreshSimulator", "RefreshStore", "RefreshTracking", "RefreshTestSupport", "TextGrid"]),
    ],
    swiftLanguageModes: [.v6]
)
