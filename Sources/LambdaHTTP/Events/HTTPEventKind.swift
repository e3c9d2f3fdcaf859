/// Which AWS service sent an HTTP event; the response must be in the shape that service expects.
public enum HTTPEventKind: String, Sendable, Hashable, CaseIterable {
    /// API Gateway HTTP API, payload format 2.0.
    case httpAPI
    /// Lambda Function URL (the 2.0 shape, without a route key).
    case functionURL
    /// API Gateway REST API Lambda proxy, payload format 1.0.
    case restAPI
    /// Application Load Balancer Lambda target.
    case alb
}
