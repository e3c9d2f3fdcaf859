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
        dependencies: ["HealthTracker"],
        path: "Sources/Functions/\(name)",
        swiftSettings: strict
    )
}

let package = Package(
    name: "HealthTracker",
    platforms: [.macOS(.v15)],
    // The deployable functions and the local CLI, nothing else. The test fixtures below are
    // executable targets without a product (SwiftPM still builds them, by target name); the
    // benchmarks are a package of their own, Benchmarks/.
    products: functionNames.map { .executable(name: $0, targets: [$0]) } + [
        .executable(name: "replay", targets: ["replay"]),
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
        // Keeps function binaries loadable on Amazon Linux 2023 (glibc 2.34): Lambda.run
        // references it, so every binary that serves invocations links it.
        .target(name: "CGlibcCompat"),

        // What the lower modules share and cannot take from one another: the JSON writer, percent
        // coding, a thread of its own, the Lambda error document. No Foundation.
        .target(name: "Essentials", swiftSettings: strict),
        .target(name: "UTCTime", swiftSettings: strict),
        .target(name: "CurlHTTP", dependencies: ["CCurl"], swiftSettings: strict),
        // The runtime's SIGTERM handler and the socket hooks it interrupts a `next` poll with.
        .target(name: "CLambdaShutdown", dependencies: ["CCurl"]),
        .target(name: "LambdaRuntime", dependencies: ["Essentials", "CurlHTTP", "UTCTime", "CGlibcCompat", "CLambdaShutdown"], swiftSettings: strict),
        .target(name: "LambdaHTTP", dependencies: ["Essentials", "LambdaRuntime", "UTCTime"], swiftSettings: strict),
        .target(name: "Postgres", dependencies: ["CLibPQ", "Essentials", "UTCTime"], swiftSettings: strict),
        .target(name: "HealthScore", dependencies: ["UTCTime"], swiftSettings: strict),
        .target(
            name: "HealthTracker",
            dependencies: ["Essentials", "LambdaRuntime", "LambdaHTTP", "Postgres", "UTCTime", "CurlHTTP", "HealthScore"],
            swiftSettings: strict
        ),

        // Local tooling: never linked into a function binary.
        // fork/exec for the emulator's function processes (a parent-death signal, no inherited descriptors).
        .target(name: "CProcessSpawn"),
        .target(
            name: "RuntimeEmulator",
            dependencies: [
                "CProcessSpawn", "Essentials",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Payload 2.0 events and responses, and a test client for functions in process or
        // under the emulator (the tests, replay and the benches): never in a function binary.
        .target(
            name: "APIGatewayTesting",
            dependencies: ["Essentials", "LambdaHTTP", "LambdaRuntime", "RuntimeEmulator", "UTCTime"],
            swiftSettings: strict
        ),
        // The replay CLI's logic (gateway, runner, server, zip smoke test), testable without the CLI.
        .target(
            name: "ReplayKit",
            dependencies: [
                "APIGatewayTesting", "Essentials", "RuntimeEmulator", "HealthTracker", "LambdaHTTP", "Postgres", "UTCTime", "CurlHTTP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "replay",
            dependencies: [
                "APIGatewayTesting", "Essentials", "ReplayKit", "RuntimeEmulator", "HealthTracker", "LambdaHTTP", "LambdaRuntime", "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // libFuzzer's driver declaration for the fuzz targets.
        .target(name: "CLibFuzzer"),
        // scripts/fuzz's targets (events, bodies, query, paths); without -DFUZZING it replays saved inputs.
        .executableTarget(
            name: "fuzz-targets",
            dependencies: ["Essentials", "HealthTracker", "LambdaHTTP", "UTCTime", "CLibFuzzer"],
            path: "Sources/FuzzTargets",
            swiftSettings: strict
        ),

        // Test fixtures: functions the tests run under the emulator, built with the tests.
        // A tiny custom runtime driven by its events, for the runtime's contract tests.
        .executableTarget(
            name: "lambda-probe",
            dependencies: ["Essentials", "LambdaRuntime", "LambdaHTTP"],
            path: "Tests/TestFunctions/LambdaProbe",
            swiftSettings: strict
        ),
        // An HTTP API function for replay's tests: answers any route, or crashes, sleeps or fails on request.
        .executableTarget(
            name: "replay-test-function",
            dependencies: ["Essentials", "LambdaRuntime", "LambdaHTTP"],
            path: "Tests/TestFunctions/ReplayTestFunction",
            swiftSettings: strict
        ),

        // The cost tags every suite carries (pure, database, process), for scripts/test-fast,
        // and PackageRoot, where the suites read the repository's documents from.
        .target(name: "TestTags", path: "Tests/TestTags", swiftSettings: strict),
        .testTarget(name: "UTCTimeTests", dependencies: ["TestTags", "UTCTime"], swiftSettings: strict),
        // The score tests' fixture, shared by the engine's tests and the API's.
        .target(name: "ScoreTestSupport", dependencies: ["HealthScore", "UTCTime"], path: "Tests/ScoreTestSupport", swiftSettings: strict),
        .testTarget(name: "HealthScoreTests", dependencies: ["HealthScore", "ScoreTestSupport", "TestTags", "UTCTime"], swiftSettings: strict),
        .testTarget(
            name: "LambdaRuntimeTests",
            dependencies: ["APIGatewayTesting", "Essentials", "LambdaRuntime", "RuntimeEmulator", "TestTags", "UTCTime"],
            swiftSettings: strict
        ),
        .testTarget(name: "LambdaHTTPTests", dependencies: ["APIGatewayTesting", "Essentials", "LambdaHTTP", "TestTags"], swiftSettings: strict),
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
        .testTarget(name: "CurlHTTPTests", dependencies: ["CurlHTTP", "HTTPTestSupport", "TestTags"], swiftSettings: strict),
        // A fresh database per test on the throwaway cluster (scripts/pg-start).
        .target(
            name: "PostgresTestSupport",
            dependencies: ["Postgres"],
            path: "Tests/PostgresTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Essentials", "Postgres", "PostgresTestSupport", "TestTags", "UTCTime"],
            swiftSettings: strict
        ),
        // The deployment templates and openapi.yaml against the router's route table.
        .testTarget(
            name: "RouteDeclarationTests",
            dependencies: ["HealthTracker", "LambdaHTTP", "TestTags", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ReplayTests",
            dependencies: ["APIGatewayTesting", "ReplayKit", "RuntimeEmulator", "HealthTracker", "LambdaHTTP", "Postgres", "PostgresTestSupport", "TestTags", "UTCTime"],
            swiftSettings: strict
        ),
        // The operable-on-AWS parts through the real binaries: the migrate function as a
        // CloudFormation custom resource, the EMF records, the application role.
        .testTarget(
            name: "DeploymentTests",
            dependencies: [
                "APIGatewayTesting", "Essentials", "HealthTracker", "LambdaHTTP", "RuntimeEmulator", "PostgresTestSupport", "Postgres", "HTTPTestSupport", "TestTags",
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HealthTrackerTests",
            dependencies: [
                "APIGatewayTesting", "Essentials", "HealthTracker", "HealthScore", "Postgres", "RuntimeEmulator", "PostgresTestSupport",
                "ScoreTestSupport", "HTTPTestSupport", "TestTags",
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
