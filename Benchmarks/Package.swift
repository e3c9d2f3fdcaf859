// swift-tools-version:6.0
import PackageDescription

// The benchmarks' drivers (scripts/bench-*), apart from the main package so its manifest
// declares only what deploys. They measure the main package's modules as they are: those
// are compiled here from the main tree through the MainSources symlink (-> ../Sources),
// because the main package exports no libraries to depend on (see README.md).

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// A module of the main package, compiled from its own folder.
func mainModule(_ name: String, dependencies: [Target.Dependency] = []) -> Target {
    .target(name: name, dependencies: dependencies, path: "MainSources/\(name)", swiftSettings: strict)
}

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
]

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The same requirement as the main package's: RuntimeEmulator is built on it.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // The main package's modules the benchmarks measure or drive.
        .systemLibrary(name: "CCurl", path: "MainSources/CCurl", pkgConfig: "libcurl"),
        .systemLibrary(name: "CLibPQ", path: "MainSources/CLibPQ", pkgConfig: "libpq"),
        .target(name: "CGlibcCompat", path: "MainSources/CGlibcCompat"),
        mainModule("Essentials"),
        mainModule("UTCTime"),
        mainModule("CurlHTTP", dependencies: ["CCurl"]),
        .target(name: "CLambdaShutdown", dependencies: ["CCurl"], path: "MainSources/CLambdaShutdown"),
        mainModule("LambdaRuntime", dependencies: ["Essentials", "CurlHTTP", "UTCTime", "CGlibcCompat", "CLambdaShutdown"]),
        mainModule("LambdaHTTP", dependencies: ["Essentials", "LambdaRuntime", "UTCTime"]),
        mainModule("Postgres", dependencies: ["CLibPQ", "Essentials", "UTCTime"]),
        mainModule("HealthScore", dependencies: ["UTCTime"]),
        mainModule("HealthTracker", dependencies: ["Essentials", "LambdaRuntime", "LambdaHTTP", "Postgres", "UTCTime", "CurlHTTP", "HealthScore"]),
        .target(name: "CProcessSpawn", path: "MainSources/CProcessSpawn"),
        mainModule("RuntimeEmulator", dependencies: ["CProcessSpawn", "Essentials"] + nio),
        mainModule("APIGatewayTesting", dependencies: ["Essentials", "LambdaHTTP", "LambdaRuntime", "RuntimeEmulator", "UTCTime"]),

        // What the bench clients share: a cheap generator, the monotonic clock, percentiles.
        .target(name: "BenchSupport", swiftSettings: strict),
        // scripts/bench-runtime: cold start, warm round trip, memory and size of the packaged
        // bootstrap next to C references.
        .executableTarget(name: "runtime-bench", dependencies: ["RuntimeEmulator"], path: "Sources/RuntimeBench", swiftSettings: strict),
        // scripts/bench-db's client side: prepared single-row read and insert latencies.
        .executableTarget(
            name: "db-bench", dependencies: ["BenchSupport", "Postgres", "UTCTime"], path: "Sources/DBBench", swiftSettings: strict
        ),
        // scripts/bench-events: HTTPRequest(decoding:) on each fixture event, in process.
        .executableTarget(name: "event-bench", dependencies: ["BenchSupport", "LambdaHTTP"], path: "Sources/EventBench", swiftSettings: strict),
        // scripts/bench-parse's client side: worst-case bodies through the physical_activity handler.
        .executableTarget(
            name: "parse-bench",
            dependencies: ["BenchSupport", "Essentials", "HealthTracker", "LambdaHTTP", "LambdaRuntime", "Postgres", "UTCTime"],
            path: "Sources/ParseBench",
            swiftSettings: strict
        ),
        // scripts/bench-score's client side: the health_score handler on a seeded database.
        .executableTarget(
            name: "score-bench",
            dependencies: ["APIGatewayTesting", "BenchSupport", "HealthScore", "HealthTracker", "LambdaHTTP", "LambdaRuntime", "Postgres", "UTCTime"],
            path: "Sources/ScoreBench",
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
