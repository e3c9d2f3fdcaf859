import APIGatewayTesting
import Foundation
import PostgresTestSupport
import RuntimeEmulator
import Synchronization
import Testing

/// One function binary SwiftPM built, under the Runtime API emulator, with every line it
/// writes collected.
struct FunctionUnderTest {
    let emulator: RuntimeEmulator
    let output: OutputLines
    let name: String

    /// Runs `body` with the binary `name` registered under that name, then shuts down.
    static func with<T>(
        _ name: String, environment: [String: String], logFormat: String = "JSON",
        _ body: (FunctionUnderTest) async throws -> T
    ) async throws -> T {
        let path = try #require(BuiltProducts.path(name), "build the functions first (swift build)")
        let output = OutputLines()
        let emulator = try await RuntimeEmulator.start(onOutput: { output.append($0) })
        // Generous: the tests assert outcomes, never speed, on a busy 2-core machine.
        emulator.register(FunctionConfiguration(
            name: name, executablePath: path, environment: environment, timeout: .seconds(120),
            initTimeout: .seconds(60), logFormat: logFormat
        ))
        let function = FunctionUnderTest(emulator: emulator, output: output, name: name)
        do {
            let result = try await body(function)
            await emulator.shutdown()
            return result
        } catch {
            await emulator.shutdown()
            throw error
        }
    }

    func invoke(_ event: String) async throws -> InvocationResult {
        try await emulator.invoke(Array(event.utf8), function: name, timeout: .seconds(120))
    }

    /// The lines that parse as JSON objects, in order.
    var jsonLines: [[String: Any]] {
        output.texts.compactMap { text in
            (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        }
    }
}

/// Lines function processes wrote, from the emulator's reader threads.
final class OutputLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: FunctionOutputLine) { lines.withLock { $0.append(line.text) } }

    var texts: [String] { lines.withLock { $0 } }

    /// Waits (up to 30 s) until `condition` holds for the lines: a reader thread collects
    /// them, so an invocation's outcome can arrive before the lines it wrote.
    func wait(until condition: ([String]) -> Bool) async throws {
        for _ in 0..<3000 {
            if condition(texts) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}

/// An API Gateway HTTP API (payload 2.0) event.
func httpEvent(method: String, path: String, claims: [String: String]? = nil, body: String? = nil) throws -> String {
    var context: [String: Any] = [
        "accountId": "123456789012", "apiId": "tests", "domainName": "tests.example.com", "domainPrefix": "tests",
        "requestId": UUID().uuidString, "routeKey": "$default", "stage": "$default", "timeEpoch": 1_795_309_200_000,
        "http": ["method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "tests"],
    ]
    if let claims { context["authorizer"] = ["jwt": ["claims": claims]] }
    var event: [String: Any] = [
        "version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
        "headers": body == nil ? ["host": "tests.example.com"] : ["host": "tests.example.com", "content-type": "application/json"],
        "requestContext": context, "isBase64Encoded": false,
    ]
    if let body { event["body"] = body }
    return String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self)
}

/// A payload 2.0 response: status, lower-cased headers, body.
func httpResponse(_ result: InvocationResult) throws -> (status: Int, headers: [String: String], body: [String: Any]) {
    let bytes = try #require(result.responseBytes, "expected a response, got \(result.outcome)")
    let envelope = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    let status = try #require(envelope["statusCode"] as? Int)
    var headers: [String: String] = [:]
    for (name, value) in envelope["headers"] as? [String: String] ?? [:] { headers[name.lowercased()] = value }
    let text = envelope["body"] as? String ?? ""
    let body = text.isEmpty ? [:] : (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:])
    return (status, headers, body)
}
