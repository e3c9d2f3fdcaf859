import BenchSupport
import FoundationEssentials
import Postgres
import UTCTime
#if canImport(Glibc)
import Glibc
#endif

// Client side of scripts/bench-db: latency of a prepared single-row read and a prepared
// insert through the Postgres module, one connection over loopback, the same statements
// pgbench runs. Prints one line per statement: `name count median_us p99_us`, and with a
// folder, appends every sample (microseconds, one a line) to <folder>/<name>.samples so the
// script can pool several interleaved rounds.
//
//   db-bench <connection string> <iterations> [samples folder] [pooled]
//
// `pooled` runs the statements unnamed, as a function with DATABASE_POOLED=true does.

let readStatement = PreparedStatement(
    name: "bench_read",
    sql: "SELECT id, user_uuid, value, recorded FROM bench_rows WHERE id = $1"
)
let insertStatement = PreparedStatement(
    name: "bench_insert",
    sql: "INSERT INTO bench_inserts (n, value, recorded) VALUES ($1, $2::numeric / 100, now())"
)

func measure(_ name: String, iterations: Int, samplesFolder: String?, _ operation: () throws -> Void) throws {
    for _ in 0..<min(1000, iterations) { try operation() }  // warm-up: prepare, caches
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = microsecondsNow()
        try operation()
        samples.append(microsecondsNow() - start)
    }
    if let samplesFolder, let file = fopen(samplesFolder + "/" + name + ".samples", "a") {
        for sample in samples { fputs(String(Int(sample.rounded())) + "\n", file) }
        fclose(file)
    }
    samples.sort()
    print(name, iterations, String(percentile(samples, 0.5)), String(percentile(samples, 0.99)))
}

/// One line on standard error (the C `stderr` global is not concurrency-safe to touch).
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

let arguments = CommandLine.arguments
let samplesFolder = arguments.count >= 4 ? arguments[3] : nil
let pooled = arguments.count == 5 && arguments[4] == "pooled"
guard (3...5).contains(arguments.count), let iterations = Int(arguments[2]), iterations > 0,
      arguments.count < 5 || pooled else {
    printError("usage: db-bench <connection string> <iterations> [samples folder] [pooled]")
    exit(2)
}
do {
    var configuration = PostgresConfiguration(connectionString: arguments[1], applicationName: "db-bench")
    configuration.pooled = pooled
    let connection = try PostgresConnection(configuration: configuration)
    var sink = 0
    var random = SplitMix64(state: 0x5EED)
    try measure("read", iterations: iterations, samplesFolder: samplesFolder) {
        let rows = try connection.execute(readStatement, [Int.random(in: 1...10_000, using: &random)])
        guard let row = rows.first else { throw PostgresError(code: .other, message: "no row") }
        // Decode every column, as a handler would.
        let id = try row.decode(0, as: Int.self)
        let user = try row.decode(1, as: UUID.self)
        let value = try row.decode(2, as: Decimal.self)
        let recorded = try row.decode(3, as: Instant.self)
        sink &+= id &+ user.hashValue &+ value.hashValue &+ Int(recorded.microsecondsSinceEpoch)
    }
    try measure("insert", iterations: iterations, samplesFolder: samplesFolder) {
        try connection.execute(insertStatement, [Int.random(in: 1...1_000_000, using: &random), Int.random(in: 0...100_000, using: &random)])
    }
    if sink == 42 { print("") }  // keeps the decoding from being optimised away
} catch {
    printError("db-bench: \(error)")
    exit(1)
}
