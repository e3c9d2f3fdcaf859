import Foundation
import LambdaHTTP
import HealthTracker
import Postgres
import PostgresTestSupport
import RuntimeEmulator
import Testing

/// The real function binaries under the Runtime API emulator, against a fresh migrated
/// database, driven with API Gateway HTTP API (payload 2.0) events.
///
/// Every function is registered twice: `<name>` with `AUTH_MODE=none` and `<name>-jwt` with
/// `AUTH_MODE=jwt`; `APIAuth` picks one. Use it through the `.apiHarness` suite trait (one
/// harness per suite, its processes reused by every test) and `APITestHarness.current`.
final class APITestHarness: Sendable {
    @TaskLocal static var current: APITestHarness?

    let emulator: RuntimeEmulator
    let database: TestDatabase

    private init(emulator: RuntimeEmulator, database: TestDatabase) {
        self.emulator = emulator
        self.database = database
    }

    /// The harness of the running suite (see `.apiHarness`).
    static func require() throws -> APITestHarness {
        try #require(current, "the suite needs the .apiHarness trait")
    }

    static func start(database testDatabase: TestDatabase, maximumInstances: Int = 2) async throws -> APITestHarness {
        let emulator = try await RuntimeEmulator.start()
        // scripts/test-pooled runs the API suites again with the functions behind PgBouncer.
        // As deployed: the least-privilege application role, not the owner.
        var environment = ["DATABASE_URL": testDatabase.url(user: HealthTrackerSchema.applicationRole)]
        if let port = ProcessInfo.processInfo.environment["TEST_PGBOUNCER_PORT"], !port.isEmpty {
            environment["DATABASE_PORT"] = port
            environment["DATABASE_POOLED"] = "true"
        }
        for function in APIFunction.allCases {
            let path = try #require(FunctionBinary.path(function.rawValue), "build the functions first (swift build)")
            for (suffix, mode) in [("", "none"), ("-jwt", "jwt")] {
                // Generous: the tests assert outcomes, never speed, on a busy 2-core machine.
                emulator.register(FunctionConfiguration(
                    name: function.rawValue + suffix, executablePath: path,
                    environment: environment.merging(["AUTH_MODE": mode]) { _, new in new },
                    timeout: .seconds(60), initTimeout: .seconds(60), maximumInstances: maximumInstances
                ))
            }
        }
        return APITestHarness(emulator: emulator, database: testDatabase)
    }

    /// Runs `body` against a harness of its own on a fresh migrated database.
    static func with<T>(maximumInstances: Int = 2, _ body: (APITestHarness) async throws -> T) async throws -> T {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let harness = try await start(database: database, maximumInstances: maximumInstances)
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
        await emulator.shutdown()
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
        let result = try await emulator.invoke(try request.event(auth: auth), function: name, timeout: .seconds(60))
        let bytes = try #require(result.responseBytes, "expected a response from \(name), got \(result.outcome)")
        return try APIResponse(v2: Data(bytes))
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
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text }
        return items.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
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

/// One HTTP request as API Gateway sees it; `path` is decoded, as HTTP API's `rawPath` is.
struct APIRequest {
    var method: String
    var path: String
    var query: String = ""
    var headers: [String: String] = [:]
    var body: String?
    var isBase64Encoded = false

    func event(auth: APIAuth) throws -> [UInt8] {
        var context: [String: Any] = [
            "accountId": "123456789012", "apiId": "tests", "domainName": "tests.example.com",
            "domainPrefix": "tests", "requestId": UUID().uuidString, "routeKey": "$default", "stage": "$default",
            "time": "22/Nov/2026:01:00:00 +0000", "timeEpoch": 1_795_309_200_000,
            "http": ["method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "tests"],
        ]
        if let claims = auth.claims {
            context["authorizer"] = ["jwt": ["claims": claims, "scopes": NSNull()]]
        }
        var event: [String: Any] = [
            "version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": query,
            "headers": headers.merging(["host": "tests.example.com", "user-agent": "tests"]) { mine, _ in mine },
            "requestContext": context, "isBase64Encoded": isBase64Encoded,
        ]
        if let body { event["body"] = body }
        return Array(try JSONSerialization.data(withJSONObject: event))
    }
}

/// A payload 2.0 response, with its body parsed when it is JSON.
struct APIResponse {
    let status: Int
    let headers: [String: String]
    let text: String
    /// The body as a JSON value (nil when empty).
    let json: Any?

    init(v2 data: Data) throws {
        let parsed = try JSONSerialization.jsonObject(with: data)
        let envelope = try #require(parsed as? [String: Any])
        status = try #require(envelope["statusCode"] as? Int)
        var headers: [String: String] = [:]
        for (name, value) in envelope["headers"] as? [String: String] ?? [:] { headers[name.lowercased()] = value }
        self.headers = headers
        var body = envelope["body"] as? String ?? ""
        if envelope["isBase64Encoded"] as? Bool == true, let decoded = Data(base64Encoded: body) {
            body = String(decoding: decoded, as: UTF8.self)
        }
        text = body
        json = body.isEmpty ? nil : try JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])
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

/// One harness (emulator, function processes, migrated database) around a whole suite.
struct APIHarnessTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await APITestHarness.with { harness in
            try await APITestHarness.$current.withValue(harness) { try await function() }
        }
    }
}

extension Trait where Self == APIHarnessTrait {
    /// Runs the suite's tests against one shared `APITestHarness`.
    static var apiHarness: Self { Self() }
}
