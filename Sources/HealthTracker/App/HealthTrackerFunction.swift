public import LambdaHTTP
public import LambdaRuntime
import Postgres

/// Builds one of the six functions: the code each executable hands to `Lambda.run`.
public enum HealthTrackerFunction {
    /// The CloudWatch namespace of every function's metrics, unless `POWERTOOLS_METRICS_NAMESPACE` names another.
    public static let metricsNamespace = "HealthTracker"

    /// Reads the configuration, so a misconfigured function fails at init (an init error
    /// naming the cause). The connect only begins here, without waiting (so its handshake
    /// overlaps the first `/next`): the first invocation that needs the database finishes
    /// it within its own deadline and checks the schema version, so a database that is
    /// unreachable or resuming (Aurora Serverless from 0 ACU) costs one 503 answer rather
    /// than the process.
    public static func makeHandler(
        _ function: APIFunction, context: LambdaInitContext
    ) throws -> HTTPLambdaHandler<HealthTrackerApplication> {
        let authMode = try AuthMode(environment: context.environment)
        if authMode == .none {
            context.logger.warn("AUTH_MODE=none: ownership is not enforced (local development only)")
        }
        let idempotencyKeys = try IdempotencyKeyPolicy(environment: context.environment)
        let settings: DatabaseSettings
        do {
            settings = try DatabaseSettings.fromFunctionEnvironment(context.environment, applicationName: function.rawValue)
        } catch {
            // The text goes to /runtime/init/error and the log.
            throw error.redacted(by: SecretRedaction(environment: context.environment))
        }
        for warning in settings.warnings { context.logger.warn(warning) }
        // No per-query timeout longer than the function's own, whatever a skewed clock says.
        let timeout = DeadlinePolicy(environment: context.environment).functionTimeoutMilliseconds
        // One connection to each server per worker at most (Lambda Managed Instances run
        // several invocations at once in one process; otherwise one).
        let database = PostgresSession(
            settings: settings, maximumTimeoutMilliseconds: Int(timeout), maximumConnections: context.maximumConcurrency
        )
        database.requireSchema(HealthTrackerSchema.migrator)
        // A 404 from the reader may be replication lag: the writer answers before it is believed.
        database.retriedOnWriter = { ($0 as? Problem)?.status == 404 }
        // Reads go to the reader when there is one, so that is the connection most first requests need.
        database.startConnecting(for: .readOnly)
        return HTTPLambdaHandler(
            router: function.router,
            metrics: HTTPInvocationMetrics(
                environment: context.environment, function: function.rawValue, defaultNamespace: metricsNamespace),
            application: HealthTrackerApplication(
                function: function, authMode: authMode, idempotencyKeys: idempotencyKeys, database: database)
        )
    }
}
