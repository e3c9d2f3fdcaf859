public import LambdaHTTP
public import LambdaRuntime

/// The application of the `$default` route's function, which API Gateway calls for every
/// request no declared route matches. Its router holds the whole route table, so the
/// answer is api.md's: 404 for an unknown path, 405 with `Allow` for a known path and a
/// wrong method, 400 for malformed path parameters (all answered by `HTTPLambdaHandler`
/// before this is called).
///
/// A request that does match a route here reached the wrong function: the gateway's
/// routes and the table disagree (a deployment bug). It answers 404, as the gateway would
/// have, and logs the route key (never the path, which may hold a user id).
public struct UnmatchedRouteApplication: ConcurrentHTTPApplication {
    public init() {}

    public func respond(to request: HTTPRequest, match: RouteMatch<APIRoute>, context: LambdaContext) throws -> HTTPResponse {
        context.logger.warn("a declared route reached the $default function; the gateway's routes and the route table disagree", [
            "route": match.id.routeKey,
        ])
        throw Problem(.notFound, detail: "No route for \(request.method) \(request.path)")
    }
}
