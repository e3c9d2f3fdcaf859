import APIGatewayTesting
import Foundation
import RuntimeEmulator
import Testing

/// An emulator serving the probe as function `probe`, shut down after the body.
func withProbe<T>(
    maximumInstances: Int = 1,
    environment: [String: String] = [:],
    endpointStyle: FunctionConfiguration.EndpointStyle = .pathPrefix,
    maximumConcurrency: Int = 1,
    _ body: (RuntimeEmulator, FunctionOutputLog) async throws -> T
) async throws -> T {
    let path = try #require(BuiltProducts.path("lambda-probe"), "build lambda-probe first (swift build)")
    let output = FunctionOutputLog()
    let emulator = try await RuntimeEmulator.start(onOutput: { output.append($0) })
    // Generous: the tests assert outcomes, never speed, on a busy 2-core machine.
    emulator.register(FunctionConfiguration(
        name: "probe", executablePath: path, environment: environment, timeout: .seconds(60), initTimeout: .seconds(60),
        maximumInstances: maximumInstances, endpointStyle: endpointStyle, maximumConcurrency: maximumConcurrency
    ))
    do {
        let result = try await body(emulator, output)
        await emulator.shutdown()
        return result
    } catch {
        await emulator.shutdown()
        throw error
    }
}

extension RuntimeEmulator {
    func invokeProbe(_ json: String, timeout: Duration? = nil, clientContext: String? = nil, cognitoIdentity: String? = nil) async throws -> InvocationResult {
        try await invoke(Array(json.utf8), function: "probe", timeout: timeout, clientContext: clientContext, cognitoIdentity: cognitoIdentity)
    }
}

extension InvocationResult {
    /// The response as a JSON object.
    func responseObject() throws -> [String: Any] {
        let bytes = try #require(responseBytes, "expected a response, got \(outcome)")
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    var functionError: PostedError? {
        if case .functionError(let posted) = outcome { return posted }
        return nil
    }
}

extension PostedError {
    /// The posted body, parsed: it must be a JSON object with exactly Lambda's keys.
    func parsedBody() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }
}
