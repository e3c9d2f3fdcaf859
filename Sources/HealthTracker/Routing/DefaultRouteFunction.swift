public import LambdaHTTP
public import LambdaRuntime

/// Builds the `default_route` function: the target of the HTTP API's `$default` route.
/// It needs no database, so it starts fast and holds no connection.
public enum DefaultRouteFunction {
    /// The function (and executable) name.
    public static let name = "default_route"

    /// A router over every route of the API.
    public static var router: Router<APIRoute> {
        Router(APIRoute.allCases.map(\.definition))
    }

    public static func makeHandler(context: LambdaInitContext) -> HTTPLambdaHandler<UnmatchedRouteApplication> {
        HTTPLambdaHandler(
            router: router,
            metrics: HTTPInvocationMetrics(
                environment: context.environment, function: name, defaultNamespace: HealthTrackerFunction.metricsNamespace),
            application: UnmatchedRouteApplication()
        )
    }
}
