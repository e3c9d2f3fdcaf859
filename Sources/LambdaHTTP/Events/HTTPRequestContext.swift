/// What the event says about the request besides the HTTP message.
public struct HTTPRequestContext: Sendable {
    /// API Gateway's request id (not the Lambda request id); nil for ALB.
    public var requestID: String?
    /// As sent; not always an IP address.
    public var sourceIP: String?
    public var userAgent: String?
    /// nil when absent or null; `$default` is kept as given.
    public var stage: String?
    public var routeKey: String?
    /// `timeEpoch` or `requestTimeEpoch` as given: milliseconds, or seconds from `sam local`.
    public var timeEpoch: Int64?
    public var domainName: String?
    /// JWT (HTTP API) or Cognito (REST API) claims; non-string values as their JSON text.
    public var claims: [String: String]
    /// JWT scopes; empty when absent or null.
    public var scopes: [String]
    /// A Lambda authorizer's context (HTTP API `authorizer.lambda`, or the REST API authorizer
    /// object); empty when there is none.
    public var authorizerContext: [String: JSONValue]

    public init(
        requestID: String? = nil, sourceIP: String? = nil, userAgent: String? = nil, stage: String? = nil,
        routeKey: String? = nil, timeEpoch: Int64? = nil, domainName: String? = nil,
        claims: [String: String] = [:], scopes: [String] = [], authorizerContext: [String: JSONValue] = [:]
    ) {
        self.requestID = requestID
        self.sourceIP = sourceIP
        self.userAgent = userAgent
        self.stage = stage
        self.routeKey = routeKey
        self.timeEpoch = timeEpoch
        self.domainName = domainName
        self.claims = claims
        self.scopes = scopes
        self.authorizerContext = authorizerContext
    }
}
