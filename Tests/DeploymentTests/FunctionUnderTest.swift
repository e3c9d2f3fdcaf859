import APIGatewayTesting
import Foundation
import LambdaHTTP
import PostgresTestSupport
import RuntimeEmulator
import Testing

/// One function binary SwiftPM built, under the Runtime API emulator, with every line it
/// writes collected.
struct FunctionUnderTest {
    let emulator: RuntimeEmulator
    let output: FunctionOutputLog
    let name: String

    /// Runs `body` with the binary `name` registered under that name, then shuts down.
    static func with<T>(
        _ name: String, environment: [String: String], logFormat: String = "JSON",
        _ body: (FunctionUnderTest) async throws -> T
    ) async throws -> T {
        let path = try #require(BuiltProducts.path(name), "build the functions first (swift build)")
        let output = FunctionOutputLog()
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

/// An API Gateway HTTP API (payload 2.0) event through the `$default` route.
func httpEvent(method: String, path: String, claims: [String: String]? = nil, body: String? = nil) -> String {
    let builder = HTTPAPIEventBuilder(apiID: "tests", domainName: "tests.example.com")
    let request = ClientRequest(
        method: method, path: path, headers: body == nil ? [] : [("content-type", "application/json")],
        body: body.map { Array($0.utf8) },
        claims: claims.map { JSONObject($0.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }) }
    )
    return builder.event(for: request, routeKey: "$default").jsonText
}

/// A payload 2.0 response: status, lower-cased headers, body.
func httpResponse(_ result: InvocationResult) throws -> (status: Int, headers: [String: String], body: [String: Any]) {
    let bytes = try #require(result.responseBytes, "expected a response, got \(result.outcome)")
    let response = try #require(GatewayResponse.fromPayload(bytes), "API Gateway cannot read \(String(decoding: bytes, as: UTF8.self))")
    var headers: [String: String] = [:]
    for (name, value) in response.headers { headers[name.lowercased()] = value }
    let text = String(decoding: response.body, as: UTF8.self)
    let body = text.isEmpty ? [:] : (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:])
    return (response.status, headers, body)
}
