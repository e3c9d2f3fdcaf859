public import LambdaHTTP

/// An HTTP request as a client sent it to API Gateway, before any mapping.
public struct ClientRequest: Sendable {
    public var method: String
    /// The path as sent, percent-encoded, without the query.
    public var path: String
    /// The query as sent (no `?`), percent-encoded.
    public var rawQuery: String
    /// In the order sent; names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?
    /// Claims a JWT authorizer verified (`--claims`, or `serve --jwt-secret`); nil: no authorizer.
    public var claims: JSONObject?
    public var sourceIP: String
    /// The port the client connected to (`x-forwarded-port`).
    public var serverPort: Int

    public init(
        method: String, path: String, rawQuery: String = "", headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil, claims: JSONObject? = nil, sourceIP: String = "127.0.0.1", serverPort: Int = 3000
    ) {
        self.method = method.uppercased()
        self.path = path
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
        self.claims = claims
        self.sourceIP = sourceIP
        self.serverPort = serverPort
    }

    /// `/a/b?x=1` split at the first `?`.
    public init(method: String, target: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.init(
            method: method, path: String(parts.first ?? "/"), rawQuery: parts.count > 1 ? String(parts[1]) : "",
            headers: headers, body: body
        )
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}
