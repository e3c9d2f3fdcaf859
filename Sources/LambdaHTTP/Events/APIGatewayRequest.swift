/// An API Gateway REST API Lambda proxy event (payload 1.0), with AWS's field names.
public struct APIGatewayRequest: Sendable, EventDecodable {
    /// `"1.0"` in a few events, absent in most.
    public let version: String?
    public let resource: String?
    /// Without the stage (unlike `requestContext.path`).
    public let path: String?
    public let httpMethod: String
    /// May hold the first or the last of repeated values; prefer `multiValueHeaders`.
    public let headers: [String: String]?
    public let multiValueHeaders: [String: [String]]?
    public let queryStringParameters: [String: String]?
    public let multiValueQueryStringParameters: [String: [String]]?
    public let pathParameters: [String: String]?
    public let stageVariables: [String: String]?
    public let requestContext: RequestContext?
    public let body: String?
    public let isBase64Encoded: Bool?

    init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
        let fields = try EventFields(value)
        version = try fields.optional("version")
        resource = try fields.optional("resource")
        path = try fields.optional("path")
        httpMethod = try fields.required("httpMethod")
        headers = try fields.optional("headers")
        multiValueHeaders = try fields.optional("multiValueHeaders")
        queryStringParameters = try fields.optional("queryStringParameters")
        multiValueQueryStringParameters = try fields.optional("multiValueQueryStringParameters")
        pathParameters = try fields.optional("pathParameters")
        stageVariables = try fields.optional("stageVariables")
        requestContext = try fields.optional("requestContext")
        body = try fields.optional("body")
        isBase64Encoded = try fields.optional("isBase64Encoded")
    }

    public struct RequestContext: Sendable, EventDecodable {
        public let accountId: String?
        public let apiId: String?
        public let resourceId: String?
        public let resourcePath: String?
        public let stage: String?
        public let requestId: String?
        public let extendedRequestId: String?
        /// Includes the stage (`/prod/cognito`).
        public let path: String?
        public let `protocol`: String?
        public let httpMethod: String?
        public let requestTime: String?
        /// Milliseconds from API Gateway, seconds from `sam local`; kept as given.
        public let requestTimeEpoch: Int64?
        public let domainName: String?
        public let domainPrefix: String?
        public let identity: Identity?
        /// Cognito (`claims`, `scopes`) or a Lambda authorizer's free-form context (numbers too).
        public let authorizer: [String: JSONValue]?

        init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
            let fields = try EventFields(value)
            accountId = try fields.optional("accountId")
            apiId = try fields.optional("apiId")
            resourceId = try fields.optional("resourceId")
            resourcePath = try fields.optional("resourcePath")
            stage = try fields.optional("stage")
            requestId = try fields.optional("requestId")
            extendedRequestId = try fields.optional("extendedRequestId")
            path = try fields.optional("path")
            `protocol` = try fields.optional("protocol")
            httpMethod = try fields.optional("httpMethod")
            requestTime = try fields.optional("requestTime")
            requestTimeEpoch = try fields.optional("requestTimeEpoch")
            domainName = try fields.optional("domainName")
            domainPrefix = try fields.optional("domainPrefix")
            identity = try fields.optional("identity")
            authorizer = try fields.optional("authorizer")
        }
    }

    public struct Identity: Sendable, EventDecodable {
        /// Not always an IP (`"test-invoke-source-ip"`).
        public let sourceIp: String?
        public let userAgent: String?
        public let accountId: String?
        public let caller: String?
        public let user: String?
        public let userArn: String?
        public let accessKey: String?
        public let apiKey: String?
        public let apiKeyId: String?
        public let cognitoIdentityId: String?
        public let cognitoIdentityPoolId: String?
        public let cognitoAuthenticationType: String?
        public let cognitoAuthenticationProvider: String?

        init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
            let fields = try EventFields(value)
            sourceIp = try fields.optional("sourceIp")
            userAgent = try fields.optional("userAgent")
            accountId = try fields.optional("accountId")
            caller = try fields.optional("caller")
            user = try fields.optional("user")
            userArn = try fields.optional("userArn")
            accessKey = try fields.optional("accessKey")
            apiKey = try fields.optional("apiKey")
            apiKeyId = try fields.optional("apiKeyId")
            cognitoIdentityId = try fields.optional("cognitoIdentityId")
            cognitoIdentityPoolId = try fields.optional("cognitoIdentityPoolId")
            cognitoAuthenticationType = try fields.optional("cognitoAuthenticationType")
            cognitoAuthenticationProvider = try fields.optional("cognitoAuthenticationProvider")
        }
    }
}
