// swift-tools-version:6.0
import Foundation
import PackageDescription

// Function binaries link only the standard library, FoundationEssentials,
// libcurl and libpq. SwiftNIO and the argument parser are for the local
// tooling (the Runtime API emulator and the replay CLI) and tests only.

// The one list of function names, which the scripts and tests read too.
let functionNames = try! String(contentsOfFile: Context.packageDirectory + "/Sources/Functions/names.txt", encoding: .utf8)
    .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let functionTargets: [Target] = functionNames.map { name in
    .executableTarget(
        name: name,
        dependencies: ["HealthTracker", "CGlibcCompat"],
        path: "Sources/Functions/\(name)",
        swiftSettings: strict
    )
}

let package = Package(
    name: "HealthTracker",
    platforms: [.macOS(.v15)],
    products: functionNames.map { .executable(name: $0, targets: [$0]) } + [
        .executable(name: "replay", targets: ["replay"]),
        .executable(name: "lambda-probe", targets: ["lambda-probe"]),
        .executable(name: "runtime-bench", targets: ["runtime-bench"]),
        .library(name: "HealthTracker", targets: ["HealthTracker"]),
        .library(name: "RuntimeEmulator", targets: ["RuntimeEmulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // A YAML parser for RouteDeclarationTests only; never linked into a product.
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: functionTargets + [
        // C libraries from Debian's -dev packages.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Keeps executables loadable on Amazon Linux 2023 (glibc 2.34).
        .target(name: "CGlibcCompat"),

        .target(name: "UTCTime", swiftSettings: strict),
        .target(name: "CurlHTTP", dependencies: ["CCurl"], swiftSettings: strict),
        .target(name: "LambdaRuntime", dependencies: ["CurlHTTP", "UTCTime"], swiftSettings: strict),
        .target(name: "LambdaHTTP", dependencies: ["LambdaRuntime", "UTCTime"], swiftSettings: strict),
        .target(name: "Postgres", dependencies: ["CLibPQ", "UTCTime"], swiftSettings: strict),
        .target(
            name: "HealthTracker",
            dependencies: ["LambdaRuntime", "LambdaHTTP", "Postgres", "UTCTime", "CurlHTTP"],
            swiftSettings: strict
        ),

        // Local tooling: never linked into a function binary.
        .target(
            name: "RuntimeEmulator",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The replay CLI's logic (gateway, event builder, runner, server), testable without the CLI.
        .target(
            name: "ReplayKit",
            dependencies: [
                "RuntimeEmulator", "HealthTracker", "LambdaHTTP", "Postgres", "UTCTime", "CurlHTTP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "replay",
            dependencies: [
                "ReplayKit", "RuntimeEmulator", "HealthTracker", "LambdaHTTP", "LambdaRuntime", "Postgres", "CGlibcCompat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // An HTTP API function for replay's tests: answers any route, or crashes, sleeps or fails on request.
        .executableTarget(
            name: "replay-test-function",
            dependencies: ["LambdaRuntime", "LambdaHTTP", "CGlibcCompat"],
            path: "Sources/ReplayTestFunction",
            swiftSettings: strict
        ),
        // A tiny custom runtime driven by its events, for the runtime's own tests and benchmark.
        .executableTarget(
            name: "lambda-probe",
            dependencies: ["LambdaRuntime", "LambdaHTTP", "CGlibcCompat"],
            path: "Sources/LambdaProbe",
            swiftSettings: strict
        ),
        // Cold start, warm round trip, memory and size of the packaged bootstrap next to C references (scripts/bench-runtime).
        .executableTarget(
            name: "runtime-bench",
            dependencies: ["RuntimeEmulator", "CGlibcCompat"],
            path: "Sources/RuntimeBench",
            swiftSettings: strict
        ),

        // scripts/smoke-zips' driver: each unpacked function zip under the emulator.
        .executableTarget(
            name: "zip-smoke",
            dependencies: ["RuntimeEmulator", "HealthTracker", "LambdaHTTP", "CGlibcCompat"],
            path: "Sources/ZipSmoke",
            swiftSettings: strict
        ),

        // scripts/bench-parse's client side: worst-case bodies through the physical_activity handler.
        .executableTarget(
            name: "parse-bench",
            dependencies: ["BenchSupport", "HealthTracker", "LambdaHTTP", "LambdaRuntime", "Postgres", "UTCTime", "CGlibcCompat"],
            path: "Sources/ParseBench",
            swiftSettings: strict
        ),
        // scripts/bench-events' driver: HTTPRequest(decoding:) on each fixture event, in process.
        .executableTarget(
            name: "event-bench",
            dependencies: ["BenchSupport", "LambdaHTTP"],
            path: "Sources/EventBench",
            swiftSettings: strict
        ),
        // libFuzzer's driver declaration for the fuzz targets.
        .target(name: "CLibFuzzer"),
        // scripts/fuzz's targets (events, bodies, query, paths); without -DFUZZING it replays saved inputs.
        .executableTarget(
            name: "fuzz-targets",
            dependencies: ["HealthTracker", "LambdaHTTP", "UTCTime", "CGlibcCompat", "CLibFuzzer"],
            path: "Sources/FuzzTargets",
            swiftSettings: strict
        ),

        .testTarget(name: "UTCTimeTests", dependencies: ["UTCTime"], swiftSettings: strict),
        .testTarget(
            name: "LambdaRuntimeTests",
            dependencies: ["LambdaRuntime", "RuntimeEmulator", "UTCTime"],
            swiftSettings: strict
        ),
        .testTarget(name: "LambdaHTTPTests", dependencies: ["LambdaHTTP"], swiftSettings: strict),
        // A recording loopback HTTP server (SwiftNIO) for the HTTP clients' tests.
        .target(
            name: "HTTPTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/HTTPTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "CurlHTTPTests", dependencies: ["CurlHTTP", "HTTPTestSupport"], swiftSettings: strict),
        // What the bench clients share: a cheap generator, the monotonic clock, percentiles.
        .target(name: "BenchSupport", swiftSettings: strict),
        // scripts/bench-db's client side: prepared single-row read and insert latencies.
        .executableTarget(
            name: "db-bench",
            dependencies: ["BenchSupport", "Postgres", "CGlibcCompat"],
            path: "Sources/DBBench",
            swiftSettings: strict
        ),
        // scripts/bench-score's client side: the health_score handler on a seeded database.
        .executableTarget(
            name: "score-bench",
            dependencies: ["BenchSupport", "HealthTracker", "LambdaHTTP", "LambdaRuntime", "Postgres", "UTCTime", "CGlibcCompat"],
            path: "Sources/ScoreBench",
            swiftSettings: strict
        ),
        // A fresh database per test on the throwaway cluster (scripts/pg-start).
        .target(
            name: "PostgresTestSupport",
            dependencies: ["Postgres"],
            path: "Tests/PostgresTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "PostgresTestSupport", "UTCTime"],
            swiftSettings: strict
        ),
        // The deployment templates and openapi.yaml against the router's route table.
        .testTarget(
            name: "RouteDeclarationTests",
            dependencies: ["HealthTracker", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ReplayTests",
            dependencies: ["ReplayKit", "RuntimeEmulator", "HealthTracker", "LambdaHTTP", "PostgresTestSupport", "UTCTime"],
            swiftSettings: strict
        ),
        // The operable-on-AWS parts through the real binaries: the migrate function as a
        // CloudFormation custom resource, the EMF records, the application role.
        .testTarget(
            name: "DeploymentTests",
            dependencies: [
                "HealthTracker", "RuntimeEmulator", "PostgresTestSupport", "Postgres", "HTTPTestSupport",
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HealthTrackerTests",
            dependencies: [
                "HealthTracker", "RuntimeEmulator", "PostgresTestSupport", "Postgres", "HTTPTestSupport",
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
