/// The JSON shape a response payload must have for the service that sent the event.
public enum HTTPResponseShape: Sendable, Equatable {
    /// HTTP API payload 2.0 and Function URLs: `statusCode, headers, cookies, body, isBase64Encoded`.
    case payloadV2
    /// REST API payload 1.0: `statusCode, headers, multiValueHeaders, body, isBase64Encoded`.
    case restAPI
    /// ALB: `statusCode, statusDescription`, then `headers` or `multiValueHeaders` as the
    /// target group sends them, `body, isBase64Encoded`.
    case alb(multiValue: Bool)
}
