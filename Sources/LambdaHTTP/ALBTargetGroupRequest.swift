/// An Application Load Balancer Lambda target event, with AWS's field names.
///
/// With multi-value headers off, only `headers` and `queryStringParameters` are sent (the
/// last value of a repeated one); with them on, only the `multiValue*` maps. ALB leaves the
/// path and the query keys and values percent-encoded.
public struct ALBTargetGroupRequest: Decodable, Sendable {
    public let requestContext: RequestContext
    public let httpMethod: String
    public let path: String?
    public let headers: [String: String]?
    public let multiValueHeaders: [String: [String]]?
    public let queryStringParameters: [String: String]?
    public let multiValueQueryStringParameters: [String: [String]]?
    public let body: String?
    public let isBase64Encoded: Bool?

    public struct RequestContext: Decodable, Sendable {
        public let elb: ELB
    }

    public struct ELB: Decodable, Sendable {
        public let targetGroupArn: String?
    }

    /// Whether the target group has multi-value headers on; the response must mirror it.
    public var isMultiValue: Bool { multiValueHeaders != nil || multiValueQueryStringParameters != nil }
}
