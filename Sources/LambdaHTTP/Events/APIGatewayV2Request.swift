/// An API Gateway HTTP API (payload 2.0) or Lambda Function URL event, with AWS's field names.
///
/// Everything but `requestContext.http.method` is optional: the published events leave out,
/// null or empty almost every field somewhere (see the fixtures' SOURCES.md).
public struct APIGatewayV2Request: Sendable, EventDecodable {
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

    init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
        let fields = try EventFields(value)
        version = try fields.optional("version")
        routeKey = try fields.optional("routeKey")
        rawPath = try fields.optional("rawPath")
        rawQueryString = try fields.optional("rawQueryString")
        cookies = try fields.optional("cookies")
        headers = try fields.optional("headers")
        queryStringParameters = try fields.optional("queryStringParameters")
        pathParameters = try fields.optional("pathParameters")
        stageVariables = try fields.optional("stageVariables")
        requestContext = try fields.required("requestContext")
        body = try fields.optional("body")
        isBase64Encoded = try fields.optional("isBase64Encoded")
    }

    public struct RequestContext: Sendable, EventDecodable {
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

        init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
            let fields = try EventFields(value)
            accountId = try fields.optional("accountId")
            apiId = try fields.optional("apiId")
            domainName = try fields.optional("domainName")
            domainPrefix = try fields.optional("domainPrefix")
            http = try fields.required("http")
            requestId = try fields.optional("requestId")
            routeKey = try fields.optional("routeKey")
            stage = try fields.optional("stage")
            time = try fields.optional("time")
            timeEpoch = try fields.optional("timeEpoch")
            authorizer = try fields.optional("authorizer")
            authentication = try fields.optional("authentication")
        }
    }

    public struct HTTP: Sendable, EventDecodable {
        public let method: String
        public let path: String?
        public let `protocol`: String?
        /// Not always an IP (`"IP"`, CIDR forms).
        public let sourceIp: String?
        public let userAgent: String?

        init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
            let fields = try EventFields(value)
            method = try fields.required("method")
            path = try fields.optional("path")
            `protocol` = try fields.optional("protocol")
            sourceIp = try fields.optional("sourceIp")
            userAgent = try fields.optional("userAgent")
        }
    }

    public struct Authorizer: Sendable, EventDecodable {
        public let jwt: JWT?
        public let iam: [String: JSONValue]?
        /// A Lambda authorizer's context: any JSON values, or null when it returned none.
        public let lambda: [String: JSONValue]?

        init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
            let fields = try EventFields(value)
            jwt = try fields.optional("jwt")
            iam = try fields.optional("iam")
            lambda = try fields.optional("lambda")
        }
    }

    public struct JWT: Sendable, EventDecodable {
        /// Each claim as text, as `HTTPRequestContext.claims` holds it: strings from API Gateway
        /// (even numeric claims) as they are, any other JSON value as its text. Read in one
        /// walk of the parsed members.
        public let claims: [String: String]?
        public let scopes: [String]?

        init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
            let fields = try EventFields(value)
            claims = try fields.optionalObject("claims").map { members in
                Dictionary(uniqueKeysWithValues: members.map { ($0.name, $0.value.claimText) })
            }
            scopes = try fields.optional("scopes")
        }
    }
}
