#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FunctionConfiguration {
    /// The loader's, libfaketime's and the sanitizers' variables: a function runs under the
    /// same libfaketime clock (or sanitizer runtime, or library path) as whatever started it.
    static let inheritedVariables = [
        "LD_LIBRARY_PATH", "LD_PRELOAD",
        "FAKETIME", "FAKETIME_DONT_RESET", "FAKETIME_NO_CACHE", "FAKETIME_DONT_FAKE_MONOTONIC", "DONT_FAKE_MONOTONIC",
        "FAKETIME_TIMESTAMP_FILE", "FAKETIME_START_AFTER_SECONDS", "FAKETIME_SHARED",
        "ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS",
    ]

    /// The environment of a function process, as Lambda sets it, pointed at `runtimeAPI`, with
    /// the inherited variables and then `environment` on top. The emulator and replay's peer
    /// Runtime API (`PeerRuntimeInvoker`) both start processes with it.
    package func processEnvironment(runtimeAPI: String, logStream: String) -> [String: String] {
        var result: [String: String] = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "en_US.UTF-8",
            "TZ": ":UTC",
            "AWS_LAMBDA_RUNTIME_API": runtimeAPI,
            "AWS_LAMBDA_FUNCTION_NAME": name,
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(memorySizeMB),
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_REGION": region,
            "AWS_DEFAULT_REGION": region,
            "AWS_LAMBDA_LOG_FORMAT": logFormat,
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(name)",
            "AWS_LAMBDA_LOG_STREAM_NAME": logStream,
            "AWS_EXECUTION_ENV": "AWS_Lambda_provided.al2023",
            "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
            "LAMBDA_TASK_ROOT": String(executablePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")),
            "_HANDLER": String(executablePath.split(separator: "/").last ?? ""),
            // Not a Lambda variable: Lambda has no way to tell a function its timeout, so the
            // templates set it, and the runtime falls back to it when a deadline is implausible.
            "FUNCTION_TIMEOUT_SECONDS": String(max(1, timeout.components.seconds)),
        ]
        if maximumConcurrency > 1 {
            result["AWS_LAMBDA_MAX_CONCURRENCY"] = String(maximumConcurrency)
        }
        for variable in Self.inheritedVariables {
            if let value = getenv(variable) { result[variable] = String(cString: value) }
        }
        result.merge(environment) { _, given in given }
        return result
    }
}
