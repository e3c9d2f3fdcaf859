import RuntimeEmulator

/// A client of functions behind API Gateway, for tests and tools: builds the payload 2.0
/// event for a request, invokes the function on its host (in process, or the real binary)
/// and reads the answer as API Gateway would.
public struct APIGatewayClient: Sendable {
    public let host: any FunctionHost
    public var builder: HTTPAPIEventBuilder

    public init(host: any FunctionHost, builder: HTTPAPIEventBuilder = HTTPAPIEventBuilder()) {
        self.host = host
        self.builder = builder
    }

    /// One request to `function`, through the `$default` route unless `routeKey` names another.
    public func send(
        _ request: ClientRequest, to function: String, routeKey: String = "$default",
        pathParameters: [(String, String)] = [], timeout: Duration? = nil
    ) async throws -> APIGatewayExchange {
        let event = builder.event(for: request, routeKey: routeKey, pathParameters: pathParameters)
        return try await send(event: Array(event.jsonText.utf8), to: function, timeout: timeout)
    }

    /// An event as given (one API Gateway would not send, say).
    public func send(event: [UInt8], to function: String, timeout: Duration? = nil) async throws -> APIGatewayExchange {
        let invocation = try await host.invoke(event, function: function, timeout: timeout)
        guard let payload = invocation.responseBytes else {
            throw APIGatewayTestingError(.noResponse, "\(function) gave no response: \(invocation.outcome)")
        }
        guard let response = GatewayResponse.fromPayload(payload) else {
            throw APIGatewayTestingError(
                .unreadableResponse, "API Gateway cannot read \(function)'s response: \(String(decoding: payload.prefix(300), as: UTF8.self))"
            )
        }
        return APIGatewayExchange(requestID: invocation.requestID, response: response)
    }
}

/// A response, and the request id the function saw.
public struct APIGatewayExchange: Sendable {
    public let requestID: String
    public let response: GatewayResponse
}

/// Why a client got no HTTP answer from a function.
public struct APIGatewayTestingError: Error, CustomStringConvertible {
    public enum Code: Sendable {
        /// The invocation ended otherwise than with a response (an error, a crash, a timeout).
        case noResponse
        /// The response is not one API Gateway can turn into HTTP (API Gateway answers 502).
        case unreadableResponse
    }

    public let code: Code
    public let description: String

    init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
