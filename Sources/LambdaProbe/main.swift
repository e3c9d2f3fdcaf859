// A function whose behaviour each event chooses, for the runtime's tests and benchmark.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CGlibcCompat
import LambdaRuntime

_ = cglibc_compat_linked()

Lambda.run { context in
    if context.environment["PROBE_FAIL_INIT"] == "1" {
        throw ProbeInitError.requested
    }
    return ProbeHandler()
}
