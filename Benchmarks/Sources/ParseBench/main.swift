import BenchSupport
import Essentials
import FoundationEssentials
import HealthTracker
import LambdaHTTP
import LambdaRuntime
import Postgres
import UTCTime

#if canImport(Glibc)
import Glibc
#endif

// Client side of scripts/bench-parse: the physical_activity handler (event decoding,
// routing, the strict parse, validation, the problem document) on worst-case bodies of at
// most 1 MiB, against a valid flat 1 MiB body. Every body fails before the database, so
// the session is never opened.

let arguments = CommandLine.arguments
let rounds = arguments.count > 1 ? Int(arguments[1]) ?? 15 : 15
let limit = 1 << 20
let user = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f"

/// Repeats `unit` to fill `bytes` between `prefix` and `suffix`.
func filled(_ prefix: String, _ unit: String, _ suffix: String, bytes: Int = limit) -> String {
    let count = (bytes - prefix.utf8.count - suffix.utf8.count) / unit.utf8.count
    return prefix + String(repeating: unit, count: count) + suffix
}

let half = (limit - 64) / 2
let shapes: [(name: String, body: String)] = [
    ("valid flat 1 MiB object (baseline)", ""),
    ("issue #13: 4 KB nested", String(repeating: "[", count: 500) + String(repeating: "{},", count: 1000) + "{}" + String(repeating: "]", count: 500)),
    ("deep nesting [[[...]]]", String(repeating: "[", count: half) + String(repeating: "]", count: half)),
    ("deep nesting in a field", #"{"steps":"# + String(repeating: "[", count: half - 8) + String(repeating: "]", count: half - 8) + "}"),
    ("many elements [1,1,...]", filled("[", "1,", "1]")),
    ("many objects [{},{},...]", filled("[", "{},", "{}]")),
    ("long string", filled(#"{"user_uuid":"\#(user)","date":"2026-01-01","full_name":""#, "a", #""}"#)),
    ("long escaped string", filled(#"{"user_uuid":"\#(user)","date":"2026-01-01","x":""#, "\\u0001", #""}"#)),
    ("many keys", manyKeys()),
    ("long number", filled(#"{"user_uuid":"\#(user)","date":"2026-01-01","steps":1"#, "1", "}")),
    ("long fraction", filled(#"{"user_uuid":"\#(user)","date":"2026-01-01","distance_km":1."#, "0", "1}")),
    ("duplicate key after 1 MiB", filled(#"{"user_uuid":"\#(user)","date":"2026-01-01","steps":1,"x":""#, "a", #"","steps":2}"#)),
]

/// A valid flat object of about 1 MiB: the record's fields plus members of every scalar kind.
func flatBaseline() -> String {
    var text = #"{"user_uuid":"\#(user)","date":"2026-01-01","steps":1000"#
    var index = 0
    while text.utf8.count < limit - 64 {
        text += #","m\#(index)":"# + ["12.5", #""a short text value""#, "true", "null", "-3e2"][index % 5]
        index += 1
    }
    return text + "}"
}

func manyKeys() -> String {
    var text = #"{"user_uuid":"\#(user)","date":"2026-01-01""#
    var index = 0
    while text.utf8.count < limit - 32 {
        text += #","k\#(index)":0"#
        index += 1
    }
    return text + "}"
}

func event(_ body: String) -> [UInt8] {
    let escaped = JSONWriter.quoted(body)
    let text = #"{"version":"2.0","routeKey":"$default","rawPath":"/api/physical-activity/","rawQueryString":"","#
        + #""headers":{"content-type":"application/json"},"requestContext":{"http":{"method":"POST","path":"/api/physical-activity/","#
        + #""protocol":"HTTP/1.1","sourceIp":"127.0.0.1"},"requestId":"bench","routeKey":"$default","stage":"$default","timeEpoch":0},"#
        + #""isBase64Encoded":false,"body":"# + escaped + "}"
    return Array(text.utf8)
}

let logger = LambdaLogger(minimumLevel: .error)
var handler = HTTPLambdaHandler(
    router: APIFunction.physicalActivity.router,
    application: HealthTrackerApplication(
        function: .physicalActivity, authMode: .none,
        database: PostgresSession(configuration: PostgresConfiguration(connectionString: "postgresql:///unused", applicationName: "parse-bench"))
    )
)

/// Median microseconds of `rounds` invocations, and the status answered.
@MainActor func measure(_ payload: [UInt8]) throws -> (micros: Double, status: Int, responseBytes: Int) {
    var samples: [Double] = []
    var status = 0
    var size = 0
    for _ in 0..<rounds {
        let context = LambdaContext(
            requestID: "bench", deadline: Instant.now().adding(microseconds: 10_000_000), invokedFunctionARN: "bench",
            traceID: nil, clientContext: nil, cognitoIdentity: nil, logger: logger)
        let start = microsecondsNow()
        let response = try handler.handle(payload, context: context)
        samples.append(microsecondsNow() - start)
        let text = String(decoding: response.prefix(40), as: UTF8.self)
        status = text.split(separator: ":").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
        size = response.count
    }
    samples.sort()
    return (percentile(samples, 0.5), status, size)
}

var rows: [(String, Int, Int, Double, Int)] = []
for (index, shape) in shapes.enumerated() {
    let body = index == 0 ? flatBaseline() : shape.body
    precondition(body.utf8.count <= limit, "\(shape.name) is \(body.utf8.count) bytes")
    let result = try measure(event(body))
    rows.append((shape.name, body.utf8.count, result.status, result.micros, result.responseBytes))
}
let baseline = rows[0].3
func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
func ms(_ micros: Double) -> String { String(Double(Int(micros / 10)) / 100) }
print("| body (all ≤ 1 MiB) | bytes | answer | response bytes | parse time (median of \(rounds)) | × baseline |")
print("|---|---:|---:|---:|---:|---:|")
var worst = 0.0
for (index, row) in rows.enumerated() {
    let ratio = row.3 / baseline
    if index > 0 { worst = max(worst, ratio) }
    print("| \(row.0) | \(row.1) | \(row.2) | \(row.4) | \(ms(row.3)) ms | \(String(Double(Int(ratio * 100)) / 100)) |")
}
print("worst_ratio=\(String(Double(Int(worst * 100)) / 100)) target<=2")
print("issue13_nested_ms=\(ms(rows[1].3)) target<5")
