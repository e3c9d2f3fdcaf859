/// An API Gateway REST API Lambda proxy event (payload 1.0), with AWS's field names.
public struct APIGatewayRequest: Decodable, Sendable {
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

    public struct RequestContext: Decodable, Sendable {
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
    }

    public struct Identity: Decodable, Sendable {
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
    }
}
