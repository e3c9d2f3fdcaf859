import APIGatewayTesting
import Essentials
import Foundation
import LambdaHTTP
import HealthTracker
import Postgres
import PostgresTestSupport
import RuntimeEmulator
import Testing

/// The six HTTP functions against a fresh migrated database, driven with API Gateway HTTP
/// API (payload 2.0) events: built in this process by `HealthTrackerFunction.makeHandler`
/// (`.inProcess`), or the real binaries under the Runtime API emulator (`.process`). Both
/// get the environment a deployed function gets.
///
/// Every function is registered twice: `<name>` with `AUTH_MODE=none` and `<name>-jwt` with
/// `AUTH_MODE=jwt`; `APIAuth` picks one. Use it through the `.apiHarness` suite trait (one
/// harness per suite, its instances reused by every test) and `APITestHarness.current`.
final class APITestHarness: Sendable {
    enum Mode: Sendable {
        /// The handlers in this process: what the API suites use.
        case inProcess
        /// The real binaries under the emulator: what a few tests per function use.
        case process
    }

    @TaskLocal static var current: APITestHarness?

    let host: any FunctionHost
    let client: APIGatewayClient
    let database: TestDatabase

    private init(host: any FunctionHost, database: TestDatabase) {
        self.host = host
        self.client = APIGatewayClient(host: host, builder: APIRequest.builder)
        self.database = database
    }

    /// The harness of the running suite (see `.apiHarness`).
    static func require() throws -> APITestHarness {
        try #require(current, "the suite needs the .apiHarness trait")
    }

    /// `extraEnvironment` adds to (or replaces in) what every function gets.
    static func start(
        database testDatabase: TestDatabase, mode: Mode = .inProcess, maximumInstances: Int = 2, extraEnvironment: [String: String] = [:]
    ) async throws -> APITestHarness {
        // scripts/test-pooled runs the API suites again with the functions behind PgBouncer,
        // with DATABASE_POOLED=true and once more without it (TEST_PGBOUNCER_POOLED=false: the
        // functions must find the pooler themselves).
        // As deployed: the least-privilege application role, not the owner.
        var environment = ["DATABASE_URL": testDatabase.url(user: HealthTrackerSchema.applicationRole)]
        let testEnvironment = ProcessInfo.processInfo.environment
        if let port = testEnvironment["TEST_PGBOUNCER_PORT"], !port.isEmpty {
            environment["DATABASE_PORT"] = port
            if testEnvironment["TEST_PGBOUNCER_POOLED"] != "false" { environment["DATABASE_POOLED"] = "true" }
        }
        environment.merge(extraEnvironment) { _, new in new }
        func configurations(_ function: APIFunction, path: String) -> [FunctionConfiguration] {
            [("", "none"), ("-jwt", "jwt")].map { suffix, authMode in
                // Generous: the tests assert outcomes, never speed, on a busy 2-core machine.
                FunctionConfiguration(
                    name: function.rawValue + suffix, executablePath: path,
                    environment: environment.merging(["AUTH_MODE": authMode]) { _, new in new },
                    timeout: .seconds(60), initTimeout: .seconds(60), maximumInstances: maximumInstances
                )
            }
        }
        switch mode {
        case .inProcess:
            let functions = InProcessFunctions()
            for function in APIFunction.allCases {
                // Where Lambda unpacks a function's zip.
                for configuration in configurations(function, path: "/var/task/bootstrap") {
                    functions.register(configuration) { try HealthTrackerFunction.makeHandler(function, context: $0) }
                }
            }
            return APITestHarness(host: functions, database: testDatabase)
        case .process:
            let functions = try await ProcessFunctions.start()
            for function in APIFunction.allCases {
                let path = try #require(BuiltProducts.path(function.rawValue), "build the functions first (swift build)")
                configurations(function, path: path).forEach(functions.register)
            }
            return APITestHarness(host: functions, database: testDatabase)
        }
    }

    /// Runs `body` against a harness of its own on a fresh migrated database.
    static func with<T>(
        mode: Mode = .inProcess, maximumInstances: Int = 2, extraEnvironment: [String: String] = [:],
        _ body: (APITestHarness) async throws -> T
    ) async throws -> T {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let harness = try await start(
                database: database, mode: mode, maximumInstances: maximumInstances, extraEnvironment: extraEnvironment)
            do {
                let result = try await body(harness)
                await harness.shutdown()
                return result
            } catch {
                await harness.shutdown()
                throw error
            }
        }
    }

    func shutdown() async {
        await host.shutdown()
    }

    /// A connection to the suite's database, for seeding and checks with SQL.
    func connect() throws -> PostgresConnection {
        try database.connect()
    }

    // MARK: - Requests

    func post(_ path: String, _ json: String, auth: APIAuth = .off, headers: [String: String] = ["content-type": "application/json"]) async throws -> APIResponse {
        try await send(APIRequest(method: "POST", path: path, headers: headers, body: json), auth: auth)
    }

    func get(_ path: String, query: String = "", auth: APIAuth = .off) async throws -> APIResponse {
        try await send(APIRequest(method: "GET", path: path, query: query), auth: auth)
    }

    func patch(_ path: String, _ json: String, auth: APIAuth = .off) async throws -> APIResponse {
        try await send(APIRequest(method: "PATCH", path: path, headers: ["content-type": "application/json"], body: json), auth: auth)
    }

    func delete(_ path: String, query: String = "", auth: APIAuth = .off) async throws -> APIResponse {
        try await send(APIRequest(method: "DELETE", path: path, query: query), auth: auth)
    }

    /// Any method; `body` is sent as JSON.
    func send(_ method: String, _ path: String, query: String = "", body: String? = nil, auth: APIAuth = .off) async throws -> APIResponse {
        let headers = body == nil ? [:] : ["content-type": "application/json"]
        return try await send(APIRequest(method: method, path: path, query: query, headers: headers, body: body), auth: auth)
    }

    /// Sends one request to the function that serves its path.
    func send(_ request: APIRequest, auth: APIAuth = .off) async throws -> APIResponse {
        let function = try #require(Self.function(for: request.path), "no function serves \(request.path)")
        let name = function.rawValue + (auth == .off ? "" : "-jwt")
        return try APIResponse(try await client.send(request.clientRequest(auth: auth), to: name, timeout: .seconds(60)).response)
    }

    /// The function whose routes hold `path`, by its first two segments.
    static func function(for path: String) -> APIFunction? {
        let prefix = path.split(separator: "/").prefix(2).joined(separator: "/")
        return APIRoute.allCases.first {
            $0.template.split(separator: "/").prefix(2).joined(separator: "/") == prefix
        }?.function
    }

    /// An encoded query string, as a client sends it: every component percent-encoded but
    /// RFC 3986's unreserved characters, so `+` travels as `%2B`.
    static func query(_ items: [(String, String)]) -> String {
        items.map { $0.0.percentEncoded + "=" + $0.1.percentEncoded }.joined(separator: "&")
    }

    /// A user created with `AUTH_MODE=none`; its UUID.
    func createUser(email: String? = nil, name: String = "Test User") async throws -> UUID {
        let address = email ?? "user-\(UUID().uuidString.lowercased())@example.com"
        let response = try await post("/api/users/", #"{"email": "\#(address)", "full_name": "\#(name)"}"#)
        try #require(response.status == 201, "creating a user: \(response.status) \(response.text)")
        let text = try #require(response.object["user_uuid"] as? String)
        return try #require(UUID(uuidString: text))
    }
}

/// Who sends a request.
enum APIAuth: Equatable {
    /// To the `AUTH_MODE=none` function.
    case off
    /// To the `AUTH_MODE=jwt` function with no authorizer claims.
    case anonymous
    /// A user's token: `sub` is their UUID.
    case user(UUID)
    /// An admin token (`scope` holds `health-tracker/admin`).
    case admin(subject: String = "admin-client")
    /// Any claims.
    case claims([String: String])

    var claims: [String: String]? {
        switch self {
        case .off, .anonymous: nil
        case .user(let uuid): ["sub": uuid.uuidString.lowercased(), "scope": "openid email"]
        case .admin(let subject): ["sub": subject, "scope": "openid \(Caller.adminScope)"]
        case .claims(let claims): claims
        }
    }
}

/// One HTTP request as a client sends it; `path` is decoded, as HTTP API's `rawPath` is.
struct APIRequest {
    var method: String
    var path: String
    var query: String = ""
    var headers: [String: String] = [:]
    var body: String?

    /// The tests' API Gateway.
    static let builder = HTTPAPIEventBuilder(apiID: "tests", domainName: "tests.example.com")

    func clientRequest(auth: APIAuth) -> ClientRequest {
        ClientRequest(
            method: method, path: path, rawQuery: query,
            headers: headers.merging(["user-agent": "tests"]) { mine, _ in mine }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            body: body.map { Array($0.utf8) },
            claims: auth.claims.map { JSONObject($0.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }) }
        )
    }

    /// The payload 2.0 event API Gateway sends for this request through its `$default` route.
    func event(auth: APIAuth) -> [UInt8] {
        Array(Self.builder.event(for: clientRequest(auth: auth), routeKey: "$default").jsonText.utf8)
    }
}

/// A payload 2.0 response, with its body parsed when it is JSON.
struct APIResponse {
    let status: Int
    let headers: [String: String]
    let text: String
    /// The body as a JSON value (nil when empty).
    let json: Any?

    init(_ response: GatewayResponse) throws {
        status = response.status
        var headers: [String: String] = [:]
        for (name, value) in response.headers { headers[name.lowercased()] = value }
        self.headers = headers
        text = String(decoding: response.body, as: UTF8.self)
        json = text.isEmpty ? nil : try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
    var problemType: String? { object["type"] as? String }
    /// The `name`s of `invalid_params`.
    var invalidNames: [String] {
        (object["invalid_params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }
    var contentType: String? { headers["content-type"] }
    /// The body with exact decimal numbers (for comparing documents digit for digit).
    func exactJSON() throws -> JSONValue { try JSONValue.parse(Array(text.utf8)) }
}

/// One harness (function instances, migrated database) around a whole suite.
struct APIHarnessTrait: SuiteTrait, TestScoping {
    let mode: APITestHarness.Mode
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // TEST_API_MODE=process runs every API suite through the real binaries, as before the
        // in-process harness: the same assertions either way.
        let process = ProcessInfo.processInfo.environment["TEST_API_MODE"] == "process"
        try await APITestHarness.with(mode: process ? .process : mode) { harness in
            try await APITestHarness.$current.withValue(harness) { try await function() }
        }
    }
}

extension Trait where Self == APIHarnessTrait {
    /// Runs the suite's tests against one shared in-process `APITestHarness`.
    static var apiHarness: Self { Self(mode: .inProcess) }

    /// Runs the suite's tests against one shared `APITestHarness` in `mode`.
    static func apiHarness(_ mode: APITestHarness.Mode) -> Self { Self(mode: mode) }
}
