/// An Application Load Balancer Lambda target event, with AWS's field names.
///
/// With multi-value headers off, only `headers` and `queryStringParameters` are sent (the
/// last value of a repeated one); with them on, only the `multiValue*` maps. ALB leaves the
/// path and the query keys and values percent-encoded.
public struct ALBTargetGroupRequest: Sendable, EventDecodable {
    public let requestContext: RequestContext
    public let httpMethod: String
    public let path: String?
    public let headers: [String: String]?
    public let multiValueHeaders: [String: [String]]?
    public let queryStringParameters: [String: String]?
    public let multiValueQueryStringParameters: [String: [String]]?
    public let body: String?
    public let isBase64Encoded: Bool?

    public struct RequestContext: Sendable, EventDecodable {
        public let elb: ELB

        init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
            elb = try EventFields(value).required("elb")
        }
    }

    public struct ELB: Sendable, EventDecodable {
        public let targetGroupArn: String?

        init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
            targetGroupArn = try EventFields(value).optional("targetGroupArn")
        }
    }

    /// Whether the target group has multi-value headers on; the response must mirror it.
    public var isMultiValue: Bool { multiValueHeaders != nil || multiValueQueryStringParameters != nil }

    init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
        let fields = try EventFields(value)
        requestContext = try fields.required("requestContext")
        httpMethod = try fields.required("httpMethod")
        path = try fields.optional("path")
        headers = try fields.optional("headers")
        multiValueHeaders = try fields.optional("multiValueHeaders")
        queryStringParameters = try fields.optional("queryStringParameters")
        multiValueQueryStringParameters = try fields.optional("multiValueQueryStringParameters")
        body = try fields.optional("body")
        isBase64Encoded = try fields.optional("isBase64Encoded")
    }
}
