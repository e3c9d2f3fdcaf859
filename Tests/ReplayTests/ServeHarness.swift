import APIGatewayTesting
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HealthTracker
import LambdaHTTP
import ReplayKit
import RuntimeEmulator
import Synchronization
import Testing

/// What `replay serve` answered one request over loopback (through URLSession).
struct ServedResponse: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> JSONValue { try JSONValue.parse(Array(body)) }
}

final class LoopbackClient: Sendable {
    let session: URLSession
    let port: Int

    init(port: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 120
        session = URLSession(configuration: configuration)
        self.port = port
    }

    func send(_ method: String, _ target: String, headers: [String: String] = [:], body: String? = nil) async throws -> ServedResponse {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(target)")!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body.utf8) }
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error { continuation.resume(throwing: error); return }
                guard let http = response as? HTTPURLResponse else {
                    continuation.resume(throwing: URLError(.badServerResponse)); return
                }
                var headers: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    headers[String(describing: name).lowercased()] = String(describing: value)
                }
                continuation.resume(returning: ServedResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
            }.resume()
        }
    }
}

/// Lines written by the server and the function processes.
final class LineLog: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// `replay serve` in process: the gateway, the NIO server on a free loopback port, and the
/// emulator running real function processes; all stopped after the body.
func withServe<T>(
    binaries: [String: String], environment: [String: String] = [:], timeout: Duration = .seconds(60),
    concurrency: Int = 2, maximumConcurrency: Int = 1, verifier: JWTVerifier? = nil, recorder: SessionRecorder? = nil,
    _ body: (LoopbackClient, RuntimeEmulator, LineLog) async throws -> T
) async throws -> T {
    let log = LineLog()
    let fleet = FunctionFleet(binaries: binaries, environment: environment, timeout: timeout, maximumInstances: concurrency,
        maximumConcurrency: maximumConcurrency
    )
    try fleet.checkBinaries()
    let emulator = try await fleet.startEmulator { line in log.append("[\(line.function)] \(line.text)") }
    // Unmatched requests go to default_route when the fleet has it, else get the gateway's own 404.
    let defaultRoute = binaries[DefaultRouteFunction.name] == nil ? nil : DefaultRouteFunction.name
    let gateway = LocalGateway(emulator: emulator, verifier: verifier, recorder: recorder, defaultRoute: defaultRoute)
    let server = try await ReplayServer.start(port: 0, gateway: gateway) { log.append($0) }
    let client = LoopbackClient(port: server.port)
    do {
        let result = try await body(client, emulator, log)
        await server.shutdown()
        await emulator.shutdown()
        return result
    } catch {
        await server.shutdown()
        await emulator.shutdown()
        throw error
    }
}

/// The test function as each of the six API functions.
func testFunctionFleet() throws -> [String: String] {
    let path = try #require(BuiltProducts.path("replay-test-function"), "build the package first (swift build --build-tests)")
    return Dictionary(uniqueKeysWithValues: APIFunction.allCases.map { ($0.rawValue, path) })
}

/// Waits for something that is about to happen (a process being reaped), checking every
/// 10 ms; gives up after a minute so that a bug fails the test instead of hanging it.
func waitUntil(_ condition: () -> Bool) async {
    for _ in 0..<6000 {
        if condition() { return }
        try? await Task.sleep(for: .milliseconds(10))
    }
}
