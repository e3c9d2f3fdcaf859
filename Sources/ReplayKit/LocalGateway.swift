public import APIGatewayTesting
import FoundationEssentials
public import HealthTracker
public import RuntimeEmulator
import UTCTime

/// API Gateway and Lambda together, for `replay serve`: route, authorize, build the v2
/// event, invoke a pooled function process, and map the outcome back to HTTP. A request no
/// route matches goes, as deployed, to the `$default` route's function (`default_route`:
/// api.md's 404 problem, or 405 with `Allow`), behind the same authorizer.
public final class LocalGateway: Sendable {
    /// One served request, for the log line.
    public struct Exchange: Sendable {
        public let function: String?
        public let routeKey: String?
        public let response: GatewayResponse
        public let coldStart: Bool?
        public let duration: Duration

        /// `users GET /api/users/{user_uuid} 200 12.3ms warm`.
        public var logLine: String {
            let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            let rounded = (milliseconds * 10).rounded() / 10
            var line = "\(function ?? "-") \(routeKey ?? "-") \(response.status) \(rounded)ms"
            if let coldStart { line += coldStart ? " cold" : " warm" }
            if let reason = response.gatewayError { line += " (\(reason))" }
            return line
        }
    }

    /// API Gateway's payload limit for HTTP APIs.
    public static let maximumBodyBytes = 10 * 1024 * 1024

    public let emulator: RuntimeEmulator
    public let routes: GatewayRouteTable
    public let builder: HTTPAPIEventBuilder
    public let verifier: JWTVerifier?
    public let recorder: SessionRecorder?
    /// The `$default` route's function; nil answers unmatched requests with API Gateway's
    /// own `404 {"message":"Not Found"}`, as an HTTP API without a `$default` route does.
    public let defaultRoute: String?

    public init(
        emulator: RuntimeEmulator, verifier: JWTVerifier?, recorder: SessionRecorder?,
        defaultRoute: String? = DefaultRouteFunction.name, builder: HTTPAPIEventBuilder = HTTPAPIEventBuilder()
    ) {
        self.emulator = emulator
        self.defaultRoute = defaultRoute
        self.routes = GatewayRouteTable()
        self.builder = builder
        self.verifier = verifier
        self.recorder = recorder
    }

    public func handle(_ incoming: ClientRequest) async -> Exchange {
        let clock = ContinuousClock()
        let start = clock.now
        let requestID = HTTPAPIEventBuilder.newRequestID()
        func finish(_ response: GatewayResponse, function: String? = nil, routeKey: String? = nil, cold: Bool? = nil) -> Exchange {
            var response = response
            response.headers.append(("apigw-requestid", requestID))
            return Exchange(function: function, routeKey: routeKey, response: response, coldStart: cold, duration: clock.now - start)
        }
        if (incoming.body?.count ?? 0) > Self.maximumBodyBytes { return finish(.payloadTooLarge) }
        let function: String, routeKey: String, pathParameters: [(String, String)]
        if let match = routes.match(method: incoming.method, path: incoming.path) {
            (function, routeKey, pathParameters) = (match.route.function.rawValue, match.routeKey, match.pathParameters)
        } else if let defaultRoute {
            (function, routeKey, pathParameters) = (defaultRoute, "$default", [])
        } else {
            return finish(.notFound)
        }
        var request = incoming
        if let verifier {
            do {
                request.claims = try verifier.claims(authorization: request.header("authorization"))
            } catch {
                return finish(.unauthorized, routeKey: routeKey)
            }
        }
        let event = builder.event(for: request, routeKey: routeKey, pathParameters: pathParameters, requestID: requestID)
        let payload = Array(event.jsonText.utf8)
        let result: InvocationResult
        let started = Instant.now()
        do {
            result = try await emulator.invoke(payload, function: function)
        } catch {
            return finish(GatewayResponse.mapping(.emulatorShutDown), function: function, routeKey: routeKey)
        }
        recorder?.record(function: function, event: event, outcome: result.outcome, clockDays: .during(start: started, end: .now()))
        return finish(GatewayResponse.mapping(result.outcome), function: function, routeKey: routeKey, cold: result.coldStart)
    }
}
