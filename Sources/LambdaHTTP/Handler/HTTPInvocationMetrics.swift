public import LambdaRuntime
import UTCTime

/// What `HTTPLambdaHandler` publishes per invocation, as one CloudWatch EMF record.
///
/// Dimensions `function` and `route` (the route key, `GET /api/users/{user_uuid}`, or
/// `unmatched`), published per route, per function and for the whole namespace. Metrics:
/// `Requests` (1), `Status2xx`/`Status4xx`/`Status5xx` (1 for the response's class, else
/// 0, so their Average is a rate), `Duration` and `DatabaseTime` in milliseconds, and
/// `ColdStart` (1 on the process's first invocation). Neither a path nor a body goes in.
public struct HTTPInvocationMetrics: Sendable {
    /// The route dimension of a request no route matched.
    public static let unmatchedRoute = "unmatched"
    /// The metrics in the order they are written, with their units and the values a record
    /// starts from (`Requests` is always 1).
    private static let metrics: [EmbeddedMetrics.Metric] = [
        .init("Requests", 1, unit: .count),
        .init("Status2xx", 0, unit: .count),
        .init("Status4xx", 0, unit: .count),
        .init("Status5xx", 0, unit: .count),
        .init("Duration", 0, unit: .milliseconds),
        .init("DatabaseTime", 0, unit: .milliseconds),
        .init("ColdStart", 0, unit: .count),
    ]
    /// The metric names, in the order they are written.
    public static let metricNames = metrics.map(\.name)

    public let namespace: String
    public let function: String
    /// The record with everything but the invocation's values, built once: its directive is
    /// rendered at init, not per invocation.
    private let template: EmbeddedMetrics
    private static let routeDimension = 1

    public init(namespace: String, function: String) {
        self.namespace = namespace
        self.function = function
        template = EmbeddedMetrics(
            namespace: namespace,
            // `routeDimension` is the route's index.
            dimensions: [(name: "function", value: function), (name: "route", value: Self.unmatchedRoute)],
            dimensionSets: [["function", "route"], ["function"], []],
            metrics: Self.metrics
        )
    }

    /// `POWERTOOLS_METRICS_NAMESPACE`, else the application's `defaultNamespace`; nil when
    /// `POWERTOOLS_METRICS_DISABLED` is true.
    public init?(environment: [String: String], function: String, defaultNamespace: String) {
        if environment["POWERTOOLS_METRICS_DISABLED"]?.lowercased() == "true" { return nil }
        let namespace = environment["POWERTOOLS_METRICS_NAMESPACE"] ?? ""
        self.init(namespace: namespace.isEmpty ? defaultNamespace : namespace, function: function)
    }

    public func record(
        route: String, status: Int, duration: Duration, databaseTime: Duration, context: LambdaContext
    ) -> EmbeddedMetrics {
        let statusClass = status / 100
        var record = template
        record.dimensions[Self.routeDimension].value = route
        // Indices in the order of `metricNames`; Requests stays 1.
        record.setValue(statusClass == 2 ? 1 : 0, ofMetricAt: 1)
        record.setValue(statusClass == 4 ? 1 : 0, ofMetricAt: 2)
        record.setValue(statusClass == 5 ? 1 : 0, ofMetricAt: 3)
        record.setValue(Self.milliseconds(duration), ofMetricAt: 4)
        record.setValue(Self.milliseconds(databaseTime), ofMetricAt: 5)
        record.setValue(context.isColdStart ? 1 : 0, ofMetricAt: 6)
        record.properties = [(name: "function_request_id", value: context.requestID)]
        if let trace = context.logger.xrayTraceID { record.properties.append((name: "xray_trace_id", value: trace)) }
        return record
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
