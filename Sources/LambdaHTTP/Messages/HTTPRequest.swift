import FoundationEssentials

/// One HTTP request, whatever kind of event carried it.
public struct HTTPRequest: Sendable {
    public var kind: HTTPEventKind
    /// ALB only: whether the target group sends multi-value maps (the response must match).
    public var isMultiValue: Bool
    public var method: HTTPMethod
    /// Decoded path used for routing, without a named stage prefix.
    public var path: String
    /// The path as the event gave it.
    public var rawPath: String
    /// The event's own path parameters (from the API Gateway route), not the router's.
    public var pathParameters: [String: String]
    public var query: QueryParameters
    public var headers: HTTPHeaders
    /// Cookie pairs as sent (`name=value`, or a bare token).
    public var cookies: [String]
    /// The body as the event holds it: base64 text when `isBase64Encoded`.
    public var rawBody: String?
    public var isBase64Encoded: Bool
    public var context: HTTPRequestContext

    public init(
        kind: HTTPEventKind, isMultiValue: Bool = false, method: HTTPMethod, path: String, rawPath: String? = nil,
        pathParameters: [String: String] = [:], query: QueryParameters = QueryParameters(),
        headers: HTTPHeaders = HTTPHeaders(), cookies: [String] = [], rawBody: String? = nil,
        isBase64Encoded: Bool = false, context: HTTPRequestContext = HTTPRequestContext()
    ) {
        self.kind = kind
        self.isMultiValue = isMultiValue
        self.method = method
        self.path = path
        self.rawPath = rawPath ?? path
        self.pathParameters = pathParameters
        self.query = query
        self.headers = headers
        self.cookies = cookies
        self.rawBody = rawBody
        self.isBase64Encoded = isBase64Encoded
        self.context = context
    }

    /// The body's bytes, base64-decoded when the event says so; empty when there is none.
    /// A broken base64 body only fails here, for this request.
    public func body() throws(LambdaHTTPError) -> [UInt8] {
        guard let rawBody, !rawBody.isEmpty else { return [] }
        guard isBase64Encoded else { return Array(rawBody.utf8) }
        guard let data = Data(base64Encoded: rawBody) else {
            throw LambdaHTTPError(code: .invalidBase64Body, message: "the body is marked base64 but is not base64")
        }
        return Array(data)
    }

    /// The body's size in bytes, computed without decoding it (for base64, from its length
    /// and padding).
    public var bodyByteCount: Int {
        guard let rawBody else { return 0 }
        let utf8 = rawBody.utf8
        guard isBase64Encoded else { return utf8.count }
        let padding = utf8.reversed().prefix(2).prefix { $0 == UInt8(ascii: "=") }.count
        return max(0, (utf8.count + 3) / 4 * 3 - padding)
    }

    public var hasBody: Bool { !(rawBody?.isEmpty ?? true) }

    /// The value of the first cookie called `name`.
    public func cookie(_ name: String) -> String? {
        for pair in cookies {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts[0] == name { return parts.count > 1 ? String(parts[1]) : "" }
        }
        return nil
    }

    /// The media type of the body, lower-cased, without parameters (`application/json`).
    public var mediaType: String? {
        headers["content-type"].map(MediaType.essence)
    }

    /// How the response to this request must be encoded.
    public var responseShape: HTTPResponseShape {
        switch kind {
        case .httpAPI, .functionURL: .payloadV2
        case .restAPI: .restAPI
        case .alb: .alb(multiValue: isMultiValue)
        }
    }
}
