import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import RuntimeEmulator
import Testing

/// A minimal harness for the score tests: the six real function binaries under the Runtime
/// API emulator, on a fresh migrated database, driven with API Gateway HTTP API (payload
/// 2.0) events. (The records work brings a fuller `APITestHarness`; this one is the score's
/// own until then.)
enum FunctionBinaries {
    static let names = ["users", "blood_tests", "bio_metrics", "physical_activity", "sleep_activity", "health_score"]

    /// The folder SwiftPM built the executables into, next to the test bundle.
    static let directory: URL? = {
        var candidates: [URL] = []
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory)
            candidates.append(directory.appendingPathComponent("debug"))
            directory.deleteLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug"))
        return candidates.first { folder in
            names.allSatisfy { FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent($0).path) }
        }
    }()

    /// The function that serves a path (api.md's table).
    static func function(forPath path: String) -> String? {
        let prefixes: [(String, String)] = [
            ("/api/users", "users"), ("/api/blood-tests", "blood_tests"), ("/api/bio-metrics", "bio_metrics"),
            ("/api/physical-activity", "physical_activity"), ("/api/sleep-activity", "sleep_activity"),
            ("/api/get_health_score", "health_score"),
        ]
        return prefixes.first { path.hasPrefix($0.0) }?.1
    }
}

/// One HTTP answer, decoded from the function's payload 2.0 response.
struct ScoreAPIResponse {
    let status: Int
    let headers: [String: String]
    let body: [UInt8]

    var contentType: String? { headers.first { $0.key.lowercased() == "content-type" }?.value }
    func json() throws -> TestJSON { try TestJSON.parse(body) }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// The emulator and database of one test.
final class ScoreAPI: Sendable {
    let emulator: RuntimeEmulator
    let database: TestDatabase

    private init(emulator: RuntimeEmulator, database: TestDatabase) {
        self.emulator = emulator
        self.database = database
    }

    /// Runs `body` against the six functions on a fresh migrated database.
    static func with<T>(
        authMode: String = "none", maximumInstances: Int = 1, _ body: (ScoreAPI) async throws -> T
    ) async throws -> T {
        let folder = try #require(FunctionBinaries.directory, "build the function executables first (swift build)")
        return try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let emulator = try await RuntimeEmulator.start()
            for name in FunctionBinaries.names {
                // Generous limits: the tests check answers, never speed, on a busy 2-core machine.
                emulator.register(FunctionConfiguration(
                    name: name, executablePath: folder.appendingPathComponent(name).path,
                    environment: ["DATABASE_URL": database.url, "AUTH_MODE": authMode],
                    timeout: .seconds(60), initTimeout: .seconds(60), maximumInstances: maximumInstances
                ))
            }
            let api = ScoreAPI(emulator: emulator, database: database)
            do {
                let result = try await body(api)
                await emulator.shutdown()
                return result
            } catch {
                await emulator.shutdown()
                throw error
            }
        }
    }

    /// Sends one request as an HTTP API event to the function that serves its path.
    func send(
        _ method: String, _ path: String, query: [(String, String)] = [], rawQuery: String? = nil,
        body: String? = nil, claims: [String: String]? = nil
    ) async throws -> ScoreAPIResponse {
        let function = try #require(FunctionBinaries.function(forPath: path), "no function serves \(path)")
        let event = Self.event(method: method, path: path, query: query, rawQuery: rawQuery, body: body, claims: claims)
        let result = try await emulator.invoke(event, function: function)
        let bytes = try #require(result.responseBytes, "\(method) \(path): \(result.outcome)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let status = try #require(object["statusCode"] as? Int, "no statusCode in \(String(decoding: bytes, as: UTF8.self))")
        let headers = (object["headers"] as? [String: String]) ?? [:]
        var responseBody = Array(((object["body"] as? String) ?? "").utf8)
        if object["isBase64Encoded"] as? Bool == true {
            responseBody = Array(try #require(Data(base64Encoded: String(decoding: responseBody, as: UTF8.self))))
        }
        return ScoreAPIResponse(status: status, headers: headers, body: responseBody)
    }

    /// `GET /api/get_health_score` with the parameters given (nil leaves one out).
    func score(userUUID: String?, asOf: String?, claims: [String: String]? = nil) async throws -> ScoreAPIResponse {
        var query: [(String, String)] = []
        if let userUUID { query.append(("user_uuid", userUUID)) }
        if let asOf { query.append(("as_of", asOf)) }
        return try await send("GET", "/api/get_health_score", query: query, claims: claims)
    }

    /// A user made with SQL; its UUID in lower case.
    func makeUser() throws -> String {
        let user = UUID().uuidString.lowercased()
        try connect().execute("INSERT INTO users (user_uuid, email, full_name) VALUES ($1, $2, 'Score test')", [user, user + "@example.com"])
        return user
    }

    /// A connection to the test database for seeding and checks.
    func connect() throws -> PostgresConnection {
        try database.connect()
    }

    /// Percent-encodes a query component: everything but RFC 3986's unreserved characters,
    /// so `+` travels as `%2B` as a client must send it.
    static func encode(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// An HTTP API payload 2.0 event as API Gateway sends it (`rawQueryString` still
    /// encoded; `queryStringParameters` decoded). `rawQuery` replaces the encoded query as is.
    static func event(
        method: String, path: String, query: [(String, String)], rawQuery: String? = nil, body: String?,
        claims: [String: String]?
    ) -> [UInt8] {
        var headers: [String: String] = ["host": "api.example.com", "user-agent": "score-tests"]
        if body != nil { headers["content-type"] = "application/json" }
        var context: [String: Any] = [
            "accountId": "123456789012", "apiId": "api", "domainName": "api.example.com",
            "http": ["method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "score-tests"],
            "requestId": UUID().uuidString, "routeKey": "$default", "stage": "$default",
            "time": "15/Jun/2025:12:00:00 +0000", "timeEpoch": 1_749_988_800_000,
        ]
        if let claims { context["authorizer"] = ["jwt": ["claims": claims, "scopes": NSNull()]] }
        var event: [String: Any] = [
            "version": "2.0", "routeKey": "$default", "rawPath": path,
            "rawQueryString": rawQuery ?? query.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&"),
            "headers": headers, "requestContext": context, "isBase64Encoded": false,
        ]
        if rawQuery == nil, !query.isEmpty {
            event["queryStringParameters"] = Dictionary(query, uniquingKeysWith: { $0 + "," + $1 })
        }
        if let body { event["body"] = body }
        return Array((try? JSONSerialization.data(withJSONObject: event)) ?? Data())
    }
}

extension TestJSON {
    /// The JSON text of this value (numbers in their exact decimal form).
    var jsonText: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n.description
        case .string(let s): Self.quoted(s)
        case .array(let a): "[" + a.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let o): "{" + o.keys.sorted().map { Self.quoted($0) + ":" + o[$0]!.jsonText }.joined(separator: ",") + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        return String(text.dropFirst().dropLast())
    }
}
