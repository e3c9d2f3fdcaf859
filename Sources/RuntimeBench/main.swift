// Measures the custom runtime in `lambda-probe` under the Runtime API emulator:
// cold start, warm per-invocation overhead and peak memory. Prints figures; asserts nothing.
#if canImport(Glibc)
import Glibc
#endif
import CGlibcCompat
import RuntimeEmulator

_ = cglibc_compat_linked()

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: runtime-bench PATH-TO-lambda-probe [COLD-STARTS] [WARM-INVOCATIONS]")
    exit(2)
}
let probePath = arguments[1]
let coldStarts = arguments.count > 2 ? Int(arguments[2]) ?? 30 : 30
let warmInvocations = arguments.count > 3 ? Int(arguments[3]) ?? 10_000 : 10_000

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

func format(_ value: Double, _ digits: Int = 3) -> String {
    let scale = (0..<digits).reduce(1.0) { value, _ in value * 10 }
    let rounded = (value * scale).rounded() / scale
    return String(rounded)
}

/// Wall-clock figures on a shared machine depend on its load; say what it was.
func loadAverage() -> String {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) == 3 else { return "unknown" }
    return loads.map { format($0, 2) }.joined(separator: " ")
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}

func run() async throws {
    let load = loadAverage()
    let emulator = try await RuntimeEmulator.start()
    emulator.register(FunctionConfiguration(name: "probe", executablePath: probePath, timeout: .seconds(60)))
    let echo = Array(#"{"action":"echo"}"#.utf8)

    // Cold starts: a new process each time, killed after its first response.
    var toFirstNext: [Double] = []
    var toFirstResponse: [Double] = []
    var coldCPU: [Double] = []
    for _ in 0..<coldStarts {
        let result = try await emulator.invoke(echo, function: "probe")
        guard result.responseBytes == echo, result.coldStart, let initDuration = result.initDuration,
              let spawnToOutcome = result.spawnToOutcome else {
            throw BenchFailure(description: "cold invocation failed: \(result.outcome)")
        }
        toFirstNext.append(milliseconds(initDuration))
        toFirstResponse.append(milliseconds(spawnToOutcome))
        if let id = result.instanceID, let cpu = emulator.cpuTime(instanceID: id) { coldCPU.append(milliseconds(cpu)) }
        await emulator.terminateInstances(of: "probe")
    }

    // Warm: one process, many invocations back to back.
    let warmID = try await emulator.invoke(echo, function: "probe").instanceID ?? 0
    // Settle allocator pools first, so RSS growth over the run shows leaks only.
    for _ in 0..<1000 { _ = try await emulator.invoke(echo, function: "probe") }
    let residentBefore = emulator.residentKilobytes(instanceID: warmID)
    let cpuBefore = emulator.cpuTime(instanceID: warmID)
    var runtimeRoundTrip: [Double] = []
    var invokeRoundTrip: [Double] = []
    runtimeRoundTrip.reserveCapacity(warmInvocations)
    invokeRoundTrip.reserveCapacity(warmInvocations)
    let clock = ContinuousClock()
    for _ in 0..<warmInvocations {
        let start = clock.now
        let result = try await emulator.invoke(echo, function: "probe")
        let elapsed = clock.now - start
        guard result.responseBytes == echo, !result.coldStart, let duration = result.duration else {
            throw BenchFailure(description: "warm invocation failed: \(result.outcome)")
        }
        runtimeRoundTrip.append(milliseconds(duration) * 1000)
        invokeRoundTrip.append(milliseconds(elapsed) * 1000)
    }
    let cpuAfter = emulator.cpuTime(instanceID: warmID)
    let residentAfter = emulator.residentKilobytes(instanceID: warmID)
    let peakKilobytes = emulator.peakResidentKilobytes(instanceID: warmID)
    await emulator.shutdown()

    print("lambda-probe under the Runtime API emulator: \(probePath)")
    print("  load average before: \(load)")
    print("  cold starts: \(coldStarts)   warm invocations: \(warmInvocations)")
    print("  exec -> first next      median \(format(median(toFirstNext))) ms   p90 \(format(percentile(toFirstNext, 0.9))) ms   (target < 10 ms)")
    print("  exec -> first response  median \(format(median(toFirstResponse))) ms   p90 \(format(percentile(toFirstResponse, 0.9))) ms")
    print("  cold process CPU time (exec -> first response) median \(format(median(coldCPU))) ms")
    print("  warm runtime round trip median \(format(median(runtimeRoundTrip), 1)) us   p99 \(format(percentile(runtimeRoundTrip, 0.99), 1)) us   (target < 100 us)")
    print("    (next answer written -> response received, echo handler, measured in the emulator)")
    if let cpuBefore, let cpuAfter {
        print("  warm function-process CPU per invocation \(format(milliseconds(cpuAfter - cpuBefore) * 1000 / Double(warmInvocations), 1)) us")
    }
    print("  warm invoke() round trip median \(format(median(invokeRoundTrip), 1)) us   p99 \(format(percentile(invokeRoundTrip, 0.99), 1)) us")
    print("    (caller's view: emulator queueing and scheduling included)")
    if let peakKilobytes {
        print("  peak RSS (VmHWM)        \(format(Double(peakKilobytes) / 1024, 1)) MiB   (target < 25 MB)")
    } else {
        print("  peak RSS (VmHWM)        unavailable")
    }
    if let residentBefore, let residentAfter {
        print("  RSS growth over the warm invocations \(residentAfter - residentBefore) KiB (\(residentBefore) -> \(residentAfter) KiB; ~0 means no per-invocation leak)")
    }
}

do {
    try await run()
} catch {
    print("runtime-bench failed: \(error)")
    exit(1)
}
