import ArgumentParser
import LambdaRuntime
import ReplayKit

/// Where the function binaries are and how they run; shared by invoke, run and serve.
struct FunctionOptions: ParsableArguments {
    @Option(help: "Folder of the six function executables (default: the folder of this replay binary).")
    var binDir: String?

    @Option(name: .customLong("function-binary"), help: "Run PATH as function NAME (NAME=PATH; repeatable), e.g. a test runtime.")
    var functionBinaries: [String] = []

    @Option(help: "Invocation timeout in seconds (the deployment's default is 10).")
    var timeout: Double = 10

    @Option(help: "AWS_LAMBDA_LOG_FORMAT for the functions: Text or JSON.")
    var logFormat: String = "Text"

    @Option(help: "PostgreSQL URL (default: $DATABASE_URL).")
    var databaseURL: String?

    func fleet(environment extra: [String: String], maximumInstances: Int = 1, maximumConcurrency: Int = 1) throws -> FunctionFleet {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard logFormat == "Text" || logFormat == "JSON" else { throw ValidationError("--log-format is Text or JSON") }
        let binaries = try FunctionFleet.binaries(directory: binDir, overrides: FunctionFleet.overrides(functionBinaries))
        var environment: [String: String] = [:]
        let process = ProcessEnvironment.current()
        // DATABASE_HOST/PORT/POOLED route the functions through a proxy (scripts/pgbouncer-start),
        // DATABASE_CA_BUNDLE_DIR with AWS_REGION picks the CA bundle (scripts/pg-start --tls),
        // and DATABASE_READER_* give them a reader, while replay itself uses DATABASE_URL.
        for name in [
            "DATABASE_CONNECT_TIMEOUT", "AWS_LAMBDA_LOG_LEVEL", "PGSSLMODE", "PGSSLROOTCERT", "DATABASE_HOST", "DATABASE_PORT",
            "DATABASE_POOLED", "DATABASE_READER_HOST", "DATABASE_READER_PORT", "DATABASE_CA_BUNDLE_DIR", "AWS_REGION",
        ] {
            if let value = process[name] { environment[name] = value }
        }
        if let url = resolvedDatabaseURL { environment["DATABASE_URL"] = url }
        environment.merge(extra) { _, new in new }
        return FunctionFleet(
            binaries: binaries, environment: environment, timeout: .milliseconds(Int64(timeout * 1000)),
            maximumInstances: maximumInstances, maximumConcurrency: maximumConcurrency, logFormat: logFormat
        )
    }

    var resolvedDatabaseURL: String? {
        databaseURL ?? ProcessEnvironment.current()["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
