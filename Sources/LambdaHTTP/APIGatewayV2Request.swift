/// An API Gateway HTTP API (payload 2.0) or Lambda Function URL event, with AWS's field names.
///
/// Everything but `requestContext.http.method` is optional: the published events leave out,
/// null or empty almost every field somewhere (see the fixtures' SOURCES.md).
public struct APIGatewayV2Request: Decodable, Sendable {
    public let version: String?
    /// Absent in Function URL events.
    public let routeKey: String?
    /// Decoded by HTTP API (may hold the stage, spaces or non-ASCII); still percent-encoded
    /// from Function URLs.
    public let rawPath: String?
    /// Percent-encoded, `+` for spaces; the only lossless source of repeated parameters.
    public let rawQueryString: String?
    public let cookies: [String]?
    /// Repeated headers arrive comma-joined.
    public let headers: [String: String]?
    /// Decoded and comma-joined, so ambiguous; prefer `rawQueryString`.
    public let queryStringParameters: [String: String]?
    public let pathParameters: [String: String]?
    public let stageVariables: [String: String]?
    public let requestContext: RequestContext
    public let body: String?
    public let isBase64Encoded: Bool?

    public struct RequestContext: Decodable, Sendable {
        public let accountId: String?
        public let apiId: String?
        public let domainName: String?
        public let domainPrefix: String?
        public let http: HTTP
        public let requestId: String?
        public let routeKey: String?
        public let stage: String?
        /// `dd/MMM/yyyy:HH:mm:ss +0000`, with or without the space; kept as text.
        public let time: String?
        /// Milliseconds from API Gateway, seconds from `sam local`; kept as given.
        public let timeEpoch: Int64?
        public let authorizer: Authorizer?
        /// mTLS details; free-form.
        public let authentication: JSONValue?
    }

    public struct HTTP: Decodable, Sendable {
        public let method: String
        public let path: String?
        public let `protocol`: String?
        /// Not always an IP (`"IP"`, CIDR forms).
        public let sourceIp: String?
        public let userAgent: String?
    }

    public struct Authorizer: Decodable, Sendable {
        public let jwt: JWT?
        public let iam: [String: JSONValue]?
        /// A Lambda authorizer's context: any JSON values, or null when it returned none.
        public let lambda: [String: JSONValue]?
    }

    public struct JWT: Decodable, Sendable {
        /// Strings from API Gateway, even numeric claims; decoded as JSON values to stay tolerant.
        public let claims: [String: JSONValue]?
        public let scopes: [String]?
    }
}
