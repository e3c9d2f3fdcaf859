public import LambdaHTTP
public import LambdaRuntime
import Postgres

/// Builds one of the six functions: the code each executable hands to `Lambda.run`.
public enum HealthTrackerFunction {
    /// Reads the configuration, so a misconfigured function fails at init (an init error
    /// naming the cause). The database is not contacted here: the first invocation that
    /// needs it connects within its own deadline and checks the schema version, so a
    /// database that is unreachable or resuming (Aurora Serverless from 0 ACU) costs one
    /// 503 answer rather than the process, and routes without the database start cheaper.
    public static func makeHandler(
        _ function: APIFunction, context: LambdaInitContext
    ) throws -> HTTPLambdaHandler<HealthTrackerApplication> {
        let authMode = try AuthMode(environment: context.environment)
        if authMode == .none {
            context.logger.warn("AUTH_MODE=none: ownership is not enforced (local development only)")
        }
        let settings = try DatabaseSettings.fromFunctionEnvironment(context.environment, applicationName: function.rawValue)
        // No per-query timeout longer than the function's own, whatever a skewed clock says.
        let timeout = DeadlinePolicy(environment: context.environment).functionTimeoutMilliseconds
        // One connection to each server per worker at most (Lambda Managed Instances run
        // several invocations at once in one process; otherwise one).
        let database = PostgresSession(
            settings: settings, maximumTimeoutMilliseconds: Int(timeout), maximumConnections: context.maximumConcurrency
        )
        database.requireSchema(HealthTrackerSchema.migrator)
        return HTTPLambdaHandler(
            router: function.router,
            metrics: HTTPInvocationMetrics(environment: context.environment, function: function.rawValue),
            application: HealthTrackerApplication(function: function, authMode: authMode, database: database)
        )
    }
}
