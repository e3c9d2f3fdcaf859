// A function whose behaviour each event chooses, for the runtime's contract tests (LambdaRuntimeTests) and replay's.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LambdaRuntime

Lambda.run { context in
    if context.environment["PROBE_FAIL_INIT"] == "1" {
        throw ProbeInitError.requested
    }
    return ProbeHandler()
}
