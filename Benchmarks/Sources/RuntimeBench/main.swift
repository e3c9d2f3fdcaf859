// scripts/bench-runtime's driver: cold start, warm round trip and memory of several
// custom runtimes under one Runtime API emulator, interleaved in one run, printed as one
// table with the issue's targets as ratios. Prints figures; asserts nothing but that every
// invocation got the answer it should.
//
//   runtime-bench [--cold N] [--warm N] PROGRAM...
//   PROGRAM: --program NAME PATH [--zip-bytes N] [--cold-event FILE] [--warm-event FILE]
//            [--expect-status N] [--warm-expect-status N] [--env NAME=VALUE]... [--cold-only]
//            [--compare-with NAME]
//
// Options after `--program` apply to that program. The first program is "ours"; the
// ratios compare it with the programs named ref-dynamic and ref-static. `--cold-only`
// leaves a program out of the warm phase (the CPU-share rows); `--compare-with NAME` prints
// its exec->response and CPU ratios to program NAME (ours at a share against the reference at
// the same share).
#if canImport(Glibc)
import Glibc
#endif
import RuntimeEmulator

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}

/// One program under test and what it is sent.
struct Program {
    var name: String
    var path: String
    var zipBytes: Int?
    var coldEvent = Array(#"{"bench":"cold"}"#.utf8)
    var warmEvent = Array(#"{"bench":"warm"}"#.utf8)
    /// The `statusCode` its answers must carry (an HTTP API response), if any.
    var coldStatus: Int?
    var warmStatus: Int?
    var environment: [String: String] = [:]
    var coldOnly = false
    var compareWith: String?

    // Figures.
    var cpuToFirstResponse: [Double] = []
    var toFirstNext: [Double] = []
    var toFirstResponse: [Double] = []
    var warmRoundTrip: [Double] = []
    var peakKilobytes: Int?
}

func readFile(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw BenchFailure(description: "cannot open \(path)") }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        bytes += buffer[0..<count]
    }
    return bytes
}

func parseArguments() throws -> (cold: Int, warm: Int, programs: [Program]) {
    var cold = 30, warm = 5000
    var programs: [Program] = []
    var arguments = Array(CommandLine.arguments.dropFirst())[...]
    func value(_ option: String) throws -> String {
        guard let next = arguments.popFirst() else { throw BenchFailure(description: "\(option) needs a value") }
        return next
    }
    func number(_ option: String) throws -> Int {
        let text = try value(option)
        guard let number = Int(text) else { throw BenchFailure(description: "\(option): \(text) is not a number") }
        return number
    }
    func current(_ option: String) throws -> Int {
        guard !programs.isEmpty else { throw BenchFailure(description: "\(option) comes after --program") }
        return programs.count - 1
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "--cold": cold = try number(argument)
        case "--warm": warm = try number(argument)
        case "--program": programs.append(Program(name: try value(argument), path: try value(argument)))
        case "--zip-bytes":
            let index = try current(argument)
            programs[index].zipBytes = try number(argument)
        case "--cold-event":
            let index = try current(argument)
            programs[index].coldEvent = try readFile(try value(argument))
        case "--warm-event":
            let index = try current(argument)
            programs[index].warmEvent = try readFile(try value(argument))
        case "--expect-status":
            let index = try current(argument)
            programs[index].coldStatus = try number(argument)
        case "--warm-expect-status":
            let index = try current(argument)
            programs[index].warmStatus = try number(argument)
        case "--cold-only":
            programs[try current(argument)].coldOnly = true
        case "--compare-with":
            let index = try current(argument)
            programs[index].compareWith = try value(argument)
        case "--env":
            let index = try current(argument)
            let pair = try value(argument)
            guard let equals = pair.firstIndex(of: "=") else { throw BenchFailure(description: "--env \(pair): no =") }
            programs[index].environment[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        default: throw BenchFailure(description: "unknown argument \(argument)")
        }
    }
    guard !programs.isEmpty else {
        throw BenchFailure(description: "usage: runtime-bench [--cold N] [--warm N] --program NAME PATH [options]...")
    }
    return (cold, warm, programs)
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
}

func format(_ value: Double, _ digits: Int = 2) -> String {
    guard value.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    // Pad to the fixed number of decimals.
    let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
    if decimals == 0 && digits > 0 { text += "." }
    text += String(repeating: "0", count: max(0, digits - decimals))
    return text
}

func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func loadAverage() -> String {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) == 3 else { return "unknown" }
    return loads.map { format($0, 2) }.joined(separator: " ")
}

/// The `statusCode` of an HTTP API response payload, read without a JSON parser: the
/// bench checks the answers, it does not benchmark the parse.
func statusCode(_ payload: [UInt8]) -> Int? {
    let key = Array(#""statusCode":"#.utf8)
    guard payload.count > key.count,
          let start = (0...(payload.count - key.count)).first(where: { payload[$0..<($0 + key.count)].elementsEqual(key) })
    else { return nil }
    let digits = payload[(start + key.count)...].drop { $0 == UInt8(ascii: " ") }.prefix { $0 >= 0x30 && $0 <= 0x39 }
    return Int(String(decoding: digits, as: UTF8.self))
}

func checked(_ result: InvocationResult, _ program: Program, expect status: Int?, what: String) throws {
    guard let payload = result.responseBytes else {
        throw BenchFailure(description: "\(program.name): \(what) invocation failed: \(result.outcome)")
    }
    if let status, statusCode(payload) != status {
        throw BenchFailure(description: "\(program.name): \(what) answered \(String(decoding: payload.prefix(300), as: UTF8.self)), expected statusCode \(status)")
    }
}

func run() async throws {
    let (coldStarts, warmInvocations, parsed) = try parseArguments()
    var programs = parsed
    let load = loadAverage()
    let emulator = try await RuntimeEmulator.start()
    for program in programs {
        emulator.register(FunctionConfiguration(
            name: program.name, executablePath: program.path, environment: program.environment,
            memorySizeMB: 256, timeout: .seconds(30), initTimeout: .seconds(30), endpointStyle: .dedicatedPort
        ))
    }

    // Cold starts, interleaved: each round starts each program once, in a rotating order.
    for round in 0..<coldStarts {
        for offset in 0..<programs.count {
            let index = (round + offset) % programs.count
            let result = try await emulator.invoke(programs[index].coldEvent, function: programs[index].name)
            try checked(result, programs[index], expect: programs[index].coldStatus, what: "cold")
            guard result.coldStart, let initDuration = result.initDuration, let spawnToOutcome = result.spawnToOutcome else {
                throw BenchFailure(description: "\(programs[index].name): a cold invocation was not a cold start")
            }
            programs[index].toFirstNext.append(milliseconds(initDuration))
            programs[index].toFirstResponse.append(milliseconds(spawnToOutcome))
            if let cpu = result.cpuTimeToOutcome { programs[index].cpuToFirstResponse.append(milliseconds(cpu)) }
            await emulator.terminateInstances(of: programs[index].name)
        }
    }

    // Warm: one process each, blocks of invocations in turn, after settling allocator pools.
    var instanceIDs: [Int] = []
    let warmIndices = programs.indices.filter { !programs[$0].coldOnly }
    for program in programs where !program.coldOnly {
        let first = try await emulator.invoke(program.warmEvent, function: program.name)
        try checked(first, program, expect: program.warmStatus, what: "warm")
        instanceIDs.append(first.instanceID ?? -1)
        for _ in 0..<500 { _ = try await emulator.invoke(program.warmEvent, function: program.name) }
    }
    let block = 100
    for _ in 0..<((warmInvocations + block - 1) / block) {
        for index in warmIndices {
            for _ in 0..<block {
                let result = try await emulator.invoke(programs[index].warmEvent, function: programs[index].name)
                try checked(result, programs[index], expect: programs[index].warmStatus, what: "warm")
                guard !result.coldStart, let duration = result.duration else {
                    throw BenchFailure(description: "\(programs[index].name): a warm invocation was a cold start")
                }
                programs[index].warmRoundTrip.append(milliseconds(duration) * 1000)
            }
        }
    }
    for (position, index) in warmIndices.enumerated() {
        programs[index].peakKilobytes = emulator.peakResidentKilobytes(instanceID: instanceIDs[position])
    }
    await emulator.shutdown()

    print("runtime-bench: \(coldStarts) cold starts and \(programs[0].warmRoundTrip.count) warm invocations per program, interleaved; load average before: \(load)")
    print("")
    let header = ["program", "CPU->response p50", "exec->next p50", "exec->response p50", "warm p50", "warm p99", "peak RSS", "zip"]
    let widths = [22, 18, 15, 19, 10, 10, 10, 10]
    print(zip(header, widths).map { padded($0, $1) }.joined(separator: " "))
    for program in programs {
        let cells = [
            program.name,
            format(percentile(program.cpuToFirstResponse, 0.5)) + " ms",
            format(percentile(program.toFirstNext, 0.5)) + " ms",
            format(percentile(program.toFirstResponse, 0.5)) + " ms",
            format(percentile(program.warmRoundTrip, 0.5), 1) + " us",
            format(percentile(program.warmRoundTrip, 0.99), 1) + " us",
            program.peakKilobytes.map { format(Double($0) / 1024, 1) + " MiB" } ?? "-",
            program.zipBytes.map { format(Double($0) / 1_048_576, 2) + " MiB" } ?? "-",
        ]
        print(zip(cells, widths).map { padded($0, $1) }.joined(separator: " "))
    }
    print("")
    print("(CPU->response: CPU time of all the process's threads from exec to the first response, from")
    print(" /proc/PID/task/*/schedstat; exec->next: spawn to the first GET /next; exec->response: spawn")
    print(" to the first response; warm: the emulator's next-answer-written to response-received)")

    let compared = programs.filter { $0.compareWith != nil }
    if !compared.isEmpty {
        print("")
        print("ratios (medians of cold starts):")
        for program in compared {
            guard let other = programs.first(where: { $0.name == program.compareWith }) else { continue }
            let wall = percentile(program.toFirstResponse, 0.5) / percentile(other.toFirstResponse, 0.5)
            let cpu = percentile(program.cpuToFirstResponse, 0.5) / percentile(other.cpuToFirstResponse, 0.5)
            print("  \(padded(program.name, 22)) / \(padded(other.name, 22)) exec->response \(format(wall))x   CPU \(format(cpu))x")
        }
    }

    let ours = programs[0]
    let dynamic = programs.first { $0.name == "ref-dynamic" }
    let refStatic = programs.first { $0.name == "ref-static" }
    print("")
    print("targets (issue 21), \(ours.name):")
    func verdict(_ ok: Bool) -> String { ok ? "meets" : "MISSES" }
    if let dynamic {
        let cpu = percentile(ours.cpuToFirstResponse, 0.5) / percentile(dynamic.cpuToFirstResponse, 0.5)
        print("  CPU exec->first response / ref-dynamic's  \(format(cpu))x   target <= 1.00x   \(verdict(cpu <= 1.0))")
        let ratio = percentile(ours.toFirstResponse, 0.5) / percentile(dynamic.toFirstResponse, 0.5)
        print("  exec->first response / ref-dynamic's  \(format(ratio))x   (unthrottled; the 128 MB share's target, <= 0.70x, is in the ratios above)")
    }
    if let refStatic {
        let ratio = percentile(ours.warmRoundTrip, 0.5) / percentile(refStatic.warmRoundTrip, 0.5)
        print("  warm p50 / ref-static's               \(format(ratio))x   target <= 1.15x   \(verdict(ratio <= 1.15))")
    }
    if let peak = ours.peakKilobytes {
        let megabytes = Double(peak) * 1024 / 1_000_000
        print("  peak RSS                              \(format(megabytes, 1)) MB   target <= 12 MB   \(verdict(megabytes <= 12))")
    }
    if let bytes = ours.zipBytes {
        let megabytes = Double(bytes) / 1_000_000
        print("  zip size                              \(format(megabytes)) MB   target <= 5 MB    \(verdict(megabytes <= 5))")
    }
}

do {
    try await run()
} catch {
    print("runtime-bench failed: \(error)")
    exit(1)
}
