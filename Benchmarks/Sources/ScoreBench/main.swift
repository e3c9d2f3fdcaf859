import APIGatewayTesting
import BenchSupport
import FoundationEssentials
import HealthScore
import HealthTracker
import LambdaHTTP
import LambdaRuntime
import Postgres
import UTCTime
#if canImport(Glibc)
import Glibc
#endif

// Client side of scripts/bench-score: latency of the health_score handler itself (event
// decoding, routing, parameter checks, the REPEATABLE READ snapshot of indexed reads, the
// engine, the response), in process, over loopback to the seeded database. Users are
// picked at random among the seeded ones (`user_uuid` 00000000-0000-4000-8000-<n in hex>).
//
//   score-bench <connection string> <users> <iterations> [as_of] [samples file]
//
// Prints one line `label=value` per figure, then the plan of each score read for one user;
// with a samples file, also appends every latency (microseconds, one a line) to it, so the
// script can pool interleaved rounds.

func userUUID(_ n: Int) -> String {
    let hex = String(n, radix: 16)
    return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
}

func event(user: String, asOf: String) -> [UInt8] {
    var encoded = ""
    for character in asOf {
        switch character {
        case "+": encoded += "%2B"
        case ":": encoded += "%3A"
        default: encoded.append(character)
        }
    }
    let request = ClientRequest(
        method: "GET", path: "/api/get_health_score", rawQuery: "user_uuid=\(user)&as_of=" + encoded, headers: [("host", "bench")]
    )
    return Array(HTTPAPIEventBuilder().event(for: request, routeKey: "$default", requestID: "bench").jsonText.utf8)
}

func fail(_ message: String) -> Never {
    print("score-bench: \(message)")
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, let users = Int(arguments[2]), users > 0, let iterations = Int(arguments[3]), iterations > 0 else {
    fail("usage: score-bench <connection string> <users> <iterations> [as_of]")
}
let url = arguments[1]
let asOfText = arguments.count > 4 ? arguments[4] : "2025-06-15T12:00:00Z"
guard let asOf = Instant(rfc3339: asOfText) else { fail("as_of is not RFC 3339") }

struct Bench {
    var handler: HTTPLambdaHandler<HealthTrackerApplication>
    let logger: LambdaLogger
    let asOfText: String
    var statuses: [Int: Int] = [:]

    mutating func invokeOnce(_ n: Int) throws -> Double {
        let payload = event(user: userUUID(n), asOf: asOfText)
        let context = LambdaContext(
            requestID: "bench", deadline: Instant.now().adding(microseconds: 10_000_000), invokedFunctionARN: "bench",
            traceID: nil, clientContext: nil, cognitoIdentity: nil, logger: logger
        )
        let start = microsecondsNow()
        let response = try handler.handle(payload, context: context)
        let elapsed = microsecondsNow() - start
        statuses[GatewayResponse.fromPayload(response)?.status ?? 0, default: 0] += 1
        return elapsed
    }
}

let logger = LambdaLogger(minimumLevel: .warn)
var bench = Bench(
    handler: try HealthTrackerFunction.makeHandler(.healthScore, context: LambdaInitContext(
        functionName: "health_score", logger: logger, environment: ["DATABASE_URL": url, "AUTH_MODE": "none"]
    )),
    logger: logger, asOfText: asOfText
)
var generator = SplitMix64(state: UInt64(microsecondsNow()))

// Warm-up: prepared statements, the connection, caches.
for _ in 0..<min(500, iterations) { _ = try bench.invokeOnce(Int.random(in: 1...users, using: &generator)) }
bench.statuses = [:]
var samples: [Double] = []
samples.reserveCapacity(iterations)
for _ in 0..<iterations {
    samples.append(try bench.invokeOnce(Int.random(in: 1...users, using: &generator)))
}
if arguments.count > 5 {
    let text = samples.map { String(Int($0)) }.joined(separator: "\n") + "\n"
    guard let file = fopen(arguments[5], "a") else { fail("cannot open \(arguments[5])") }
    fputs(text, file)
    fclose(file)
}
samples.sort()
print("iterations=\(iterations)")
print("p50_us=\(Int(percentile(samples, 0.5)))")
print("p99_us=\(Int(percentile(samples, 0.99)))")
print("max_us=\(Int(samples.last ?? 0))")
print("statuses=" + bench.statuses.keys.sorted().map { "\($0):\(bench.statuses[$0]!)" }.joined(separator: ","))

// Where the time goes, for 1000 of the users: the reads alone (one session, the store's
// transaction) and the engine alone (evaluate and the JSON text, on inputs read before).
let session = PostgresSession(configuration: PostgresConfiguration(connectionString: url, applicationName: "score-bench"))
var readTimes: [Double] = []
var engineTimes: [Double] = []
for _ in 0..<min(1000, iterations) {
    guard let uuid = UUID(uuidString: userUUID(Int.random(in: 1...users, using: &generator))) else { fail("bad uuid") }
    var start = microsecondsNow()
    guard let inputs = try ScoreDataStore.load(userUUID: uuid, asOf: asOf, session: session) else { fail("no user \(uuid)") }
    readTimes.append(microsecondsNow() - start)
    start = microsecondsNow()
    let bytes = try HealthScoreEngine.evaluate(inputs).jsonBytes(requestID: "bench")
    engineTimes.append(microsecondsNow() - start)
    if bytes.isEmpty { fail("empty document") }
}
readTimes.sort()
engineTimes.sort()
print("reads_p50_us=\(Int(percentile(readTimes, 0.5)))")
print("reads_p99_us=\(Int(percentile(readTimes, 0.99)))")
print("engine_p50_us=\(Int(percentile(engineTimes, 0.5)))")
print("engine_p99_us=\(Int(percentile(engineTimes, 0.99)))")
session.close()

// The plan of each read for one user: every one should be an index scan.
let connection = try PostgresConnection(configuration: PostgresConfiguration(connectionString: url, applicationName: "score-bench"))
let windows = ScoreWindows(asOf: asOf)
let user = userUUID(max(1, users / 2))
let parameters: [String: [any PostgresEncodable]] = [
    "score_records": [
        user, windows.bloodTests.lowerBound, windows.bloodTests.upperBound, windows.bioMetrics.lowerBound, asOf,
        windows.physicalActivity.lowerBound, windows.physicalActivity.upperBound,
    ],
]
for statement in ScoreDataStore.Statements.all {
    let plan = try connection.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " + statement.sql, parameters[statement.name] ?? [])
        .map { try $0.decode(0, as: String.self) }
    let lines = plan.filter { $0.contains("Scan") }.map { String($0.drop { $0 == " " || $0 == "-" || $0 == ">" }) }
    print("plan \(statement.name):")
    for line in lines { print("plan   " + line) }
}
