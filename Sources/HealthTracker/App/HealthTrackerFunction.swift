public import LambdaHTTP
public import LambdaRuntime
import Postgres

/// Builds one of the six functions: the code each executable hands to `Lambda.run`.
public enum HealthTrackerFunction {
    /// Reads the configuration, opens the database connection and checks the schema
    /// version, so a misconfigured or unmigrated function fails at init (an init error
    /// naming the cause) rather than on its first request.
    public static func makeHandler(
        _ function: APIFunction, context: LambdaInitContext
    ) throws -> HTTPLambdaHandler<HealthTrackerApplication> {
        let authMode = try AuthMode(environment: context.environment)
        if authMode == .none {
            context.logger.warn("AUTH_MODE=none: ownership is not enforced (local development only)")
        }
        let configuration = try PostgresConfiguration.fromEnvironment(context.environment, applicationName: function.rawValue)
        let database = PostgresSession(configuration: configuration)
        try database.open()
        try database.checkSchema(HealthTrackerSchema.migrator)
        return HTTPLambdaHandler(
            router: function.router,
            metrics: HTTPInvocationMetrics(environment: context.environment, function: function.rawValue),
            application: HealthTrackerApplication(function: function, authMode: authMode, database: database)
        )
    }
}
