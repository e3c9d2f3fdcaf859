public import LambdaRuntime
import UTCTime

/// A `LambdaHandler` for HTTP events: decodes the event, routes it, calls the application
/// and encodes its response in the shape the event's service expects.
///
/// Every response carries the Lambda request id (`X-Request-Id`, and `request_id` in
/// problems). Nothing a request holds makes it throw, except an event that is not an
/// HTTP event at all, which the runtime reports as a function error.
public struct HTTPLambdaHandler<Application: HTTPApplication>: LambdaHandler {
    public static var defaultMaxBodyBytes: Int { 1 << 20 }

    public var application: Application
    public let router: Router<Application.Route>
    /// Larger bodies answer 413.
    public let maxBodyBytes: Int
    /// One EMF record per invocation when set.
    public let metrics: HTTPInvocationMetrics?
    /// The route key the last request matched, or `HTTPInvocationMetrics.unmatchedRoute`.
    public private(set) var lastRoute = HTTPInvocationMetrics.unmatchedRoute

    public init(
        router: Router<Application.Route>, maxBodyBytes: Int = defaultMaxBodyBytes,
        metrics: HTTPInvocationMetrics? = nil, application: Application
    ) {
        self.router = router
        self.maxBodyBytes = maxBodyBytes
        self.metrics = metrics
        self.application = application
    }

    public mutating func handle(_ event: [UInt8], context: LambdaContext) throws -> [UInt8] {
        let start = ContinuousClock.now
        let request: HTTPRequest
        do {
            request = try HTTPRequest(decoding: event)
        } catch {
            context.logger.error("the event is not an HTTP event", ["error": error.description])
            throw error
        }
        let response = respond(to: request, context: context)
        let payload = response.encoded(as: request.responseShape)
        let databaseTime = application.takeDatabaseTime()
        if let metrics {
            let record = metrics.record(
                route: lastRoute, status: response.status, duration: ContinuousClock.now - start,
                databaseTime: databaseTime, context: context
            )
            context.logger.emit(line: record.rendered(at: Instant.now()))
        }
        return payload
    }

    public mutating func shutdown() {
        application.shutdown()
    }

    /// The response to a decoded request, with the request id on it.
    public mutating func respond(to request: HTTPRequest, context: LambdaContext) -> HTTPResponse {
        var response: HTTPResponse
        do {
            response = try routedResponse(to: request, context: context)
        } catch let problem as Problem {
            response = problem.withRequestID(context.requestID).response
        } catch let error as LambdaHTTPError where error.code == .invalidBase64Body {
            response = Problem(.malformedBody, detail: "The body is marked as base64 but is not valid base64")
                .withRequestID(context.requestID).response
        } catch {
            // The detail goes to the log only; the caller learns that it was a bug, and its id.
            context.logger.error("unhandled application error", [
                "error": String(describing: error), "method": request.method.rawValue, "path": request.path,
            ])
            response = Problem(.internal, detail: "An internal error occurred; quote the request id when reporting it")
                .withRequestID(context.requestID).response
        }
        response.headers.set(name: "X-Request-Id", value: context.requestID)
        // Every answer may carry a user's health data or say something about it (a problem
        // document too): no shared cache or browser may keep it.
        response.headers.set(name: "Cache-Control", value: "no-store")
        return response
    }

    private mutating func routedResponse(to request: HTTPRequest, context: LambdaContext) throws -> HTTPResponse {
        lastRoute = HTTPInvocationMetrics.unmatchedRoute
        if request.bodyByteCount > maxBodyBytes {
            throw Problem(.payloadTooLarge, detail: "The body is over \(maxBodyBytes) bytes")
        }
        let match: RouteMatch<Application.Route>
        switch router.route(request) {
        case .matched(let found):
            match = found
            lastRoute = "\(found.route.method.rawValue) \(found.route.template)"
        case let other:
            throw other.problem(method: request.method, path: request.path)!
        }
        if match.route.takesJSONBody {
            let type = request.headers["content-type"]
            if let type, !MediaType.isJSON(type) {
                throw Problem(.unsupportedMediaType, detail: "The body must be application/json, not \(MediaType.essence(type))")
            }
            if type == nil, request.hasBody {
                throw Problem(.unsupportedMediaType, detail: "The body must be application/json; Content-Type is missing")
            }
        }
        return try application.respond(to: request, match: match, context: context)
    }
}

extension HTTPLambdaHandler: Sendable where Application: Sendable {}

/// Each worker's handler has its own application (and its own `lastRoute`).
extension HTTPLambdaHandler: ConcurrentLambdaHandler where Application: ConcurrentHTTPApplication {
    public func forWorker() -> Self {
        var handler = self
        handler.application = application.forWorker()
        return handler
    }
}

extension HTTPLambdaHandler {
    /// A handler whose application is a closure.
    public init<Route>(
        router: Router<Route>, maxBodyBytes: Int = defaultMaxBodyBytes,
        _ body: @escaping (HTTPRequest, RouteMatch<Route>, LambdaContext) throws -> HTTPResponse
    ) where Application == ClosureHTTPApplication<Route> {
        self.init(router: router, maxBodyBytes: maxBodyBytes, application: ClosureHTTPApplication(body))
    }
}

extension Problem {
    fileprivate func withRequestID(_ id: String) -> Problem {
        var problem = self
        problem.requestID = id
        return problem
    }
}
