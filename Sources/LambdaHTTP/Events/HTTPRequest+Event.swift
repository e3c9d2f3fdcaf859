import Essentials

extension HTTPRequest {
    /// Decodes an invocation payload of any supported kind.
    public init(decoding payload: some Collection<UInt8>) throws(LambdaHTTPError) {
        // One strict pass into JSONValue, then the typed fields: no Codable machinery on the warm path.
        let json: JSONValue
        do {
            json = try JSONValue.parse(payload, maxDepth: HTTPEvent.maxDepth)
        } catch {
            throw LambdaHTTPError(code: .notAnHTTPEvent, message: "the payload is not JSON: \(error)")
        }
        self.init(event: try HTTPEvent(json: json))
    }

    public init(event: HTTPEvent) {
        switch event {
        case .httpAPI(let v2): self.init(v2: v2, kind: .httpAPI)
        case .functionURL(let v2): self.init(v2: v2, kind: .functionURL)
        case .restAPI(let v1): self.init(v1: v1)
        case .alb(let alb): self.init(alb: alb)
        }
    }

    private init(v2 event: APIGatewayV2Request, kind: HTTPEventKind) {
        let context = event.requestContext
        let rawPath = event.rawPath ?? context.http.path ?? "/"
        let query: QueryParameters
        if let raw = event.rawQueryString, !raw.isEmpty {
            query = QueryParameters(encoded: raw)
        } else {
            // Decoded already, and comma-joined: the best there is without rawQueryString.
            query = QueryParameters((event.queryStringParameters ?? [:]).sortedPairs)
        }
        let headers = HTTPHeaders((event.headers ?? [:]).sortedPairs)
        // The cookies array when it has any; the cookie header otherwise (never both: URLs send both).
        let cookies = (event.cookies ?? []).isEmpty
            ? headers.values(for: "cookie").flatMap(Self.cookiePairs) : event.cookies ?? []
        // HTTP API decodes rawPath; Function URLs pass it still percent-encoded.
        let path = kind == .functionURL ? rawPath.percentDecoded() ?? rawPath : rawPath
        let jwt = context.authorizer?.jwt
        self.init(
            kind: kind,
            method: HTTPMethod(rawValue: context.http.method),
            path: Self.strippingStage(context.stage, from: path),
            rawPath: rawPath,
            pathParameters: event.pathParameters ?? [:],
            query: query,
            headers: headers,
            cookies: cookies,
            rawBody: event.body,
            isBase64Encoded: event.isBase64Encoded ?? false,
            context: HTTPRequestContext(
                requestID: context.requestId,
                sourceIP: context.http.sourceIp,
                userAgent: context.http.userAgent ?? headers["user-agent"],
                stage: context.stage,
                routeKey: context.routeKey ?? event.routeKey,
                timeEpoch: context.timeEpoch,
                domainName: context.domainName,
                claims: jwt?.claims ?? [:],
                scopes: jwt?.scopes ?? [],
                authorizerContext: context.authorizer?.lambda ?? [:]
            )
        )
    }

    private init(v1 event: APIGatewayRequest) {
        let context = event.requestContext
        let headers = Self.headers(single: event.headers, multi: event.multiValueHeaders)
        let rawPath = event.path ?? context?.resourcePath ?? "/"
        let authorizer = context?.authorizer ?? [:]
        self.init(
            kind: .restAPI,
            method: HTTPMethod(rawValue: event.httpMethod),
            // REST API passes the path still percent-encoded.
            path: rawPath.percentDecoded() ?? rawPath,
            rawPath: rawPath,
            pathParameters: event.pathParameters ?? [:],
            // REST API decodes query values itself.
            query: Self.query(single: event.queryStringParameters, multi: event.multiValueQueryStringParameters, encoded: false),
            headers: headers,
            cookies: headers.values(for: "cookie").flatMap(Self.cookiePairs),
            rawBody: event.body,
            isBase64Encoded: event.isBase64Encoded ?? false,
            context: HTTPRequestContext(
                requestID: context?.requestId,
                sourceIP: context?.identity?.sourceIp,
                userAgent: context?.identity?.userAgent ?? headers["user-agent"],
                stage: context?.stage,
                routeKey: context?.resourcePath.map { "\(event.httpMethod) \($0)" },
                timeEpoch: context?.requestTimeEpoch,
                domainName: context?.domainName,
                claims: Dictionary(uniqueKeysWithValues: (authorizer["claims"]?.objectValue ?? [:]).map { ($0.name, $0.value.claimText) }),
                scopes: Self.scopes(authorizer["scopes"]),
                authorizerContext: authorizer
            )
        )
    }

    private init(alb event: ALBTargetGroupRequest) {
        let headers = Self.headers(single: event.headers, multi: event.multiValueHeaders)
        let rawPath = event.path ?? "/"
        self.init(
            kind: .alb,
            isMultiValue: event.isMultiValue,
            method: HTTPMethod(rawValue: event.httpMethod),
            // ALB leaves the path percent-encoded.
            path: rawPath.percentDecoded() ?? rawPath,
            rawPath: rawPath,
            query: Self.query(single: event.queryStringParameters, multi: event.multiValueQueryStringParameters, encoded: true),
            headers: headers,
            cookies: headers.values(for: "cookie").flatMap(Self.cookiePairs),
            rawBody: event.body,
            isBase64Encoded: event.isBase64Encoded ?? false,
            context: HTTPRequestContext(
                sourceIP: headers["x-forwarded-for"].flatMap { $0.split(separator: ",").first }
                    .map { String($0).trimmingASCIISpaces },
                userAgent: headers["user-agent"]
            )
        )
    }

    /// Drops a leading `/{stage}` segment, which HTTP API keeps in `rawPath` for a named stage.
    static func strippingStage(_ stage: String?, from path: String) -> String {
        guard let stage, !stage.isEmpty, stage != "$default" else { return path }
        let prefix = "/" + stage
        guard path.hasPrefix(prefix) else { return path }
        let rest = path.dropFirst(prefix.count)
        if rest.isEmpty { return "/" }
        return rest.hasPrefix("/") ? String(rest) : path
    }

    /// Multi-value maps when present (they keep every value), else the single-value map.
    private static func headers(single: [String: String]?, multi: [String: [String]]?) -> HTTPHeaders {
        if let multi {
            return HTTPHeaders(multi.keys.sorted().flatMap { name in multi[name]!.map { (name: name, value: $0) } })
        }
        return HTTPHeaders((single ?? [:]).sortedPairs)
    }

    private static func query(single: [String: String]?, multi: [String: [String]]?, encoded: Bool) -> QueryParameters {
        let pairs: [(name: String, value: String)]
        if let multi, !multi.isEmpty || single == nil {
            pairs = multi.keys.sorted().flatMap { name in multi[name]!.map { (name: name, value: $0) } }
        } else {
            pairs = (single ?? [:]).sortedPairs
        }
        guard encoded else { return QueryParameters(pairs) }
        return QueryParameters(pairs.map { pair in
            (name: pair.name.percentDecoded(plusAsSpace: true) ?? pair.name,
             value: pair.value.percentDecoded(plusAsSpace: true) ?? pair.value)
        })
    }

    /// `a=1; b=2` into `["a=1", "b=2"]`.
    static func cookiePairs(_ header: String) -> [String] {
        header.split(separator: ";").map { String($0).trimmingASCIISpaces }.filter { !$0.isEmpty }
    }

    private static func scopes(_ value: JSONValue?) -> [String] {
        switch value {
        case .array(let items): items.compactMap(\.stringValue)
        // Cognito sends scopes as one space-separated string in some set-ups.
        case .string(let text): text.split(separator: " ").map(String.init)
        default: []
        }
    }
}

extension Dictionary where Key == String, Value == String {
    /// Dictionaries have no order; sorting makes requests reproducible.
    fileprivate var sortedPairs: [(name: String, value: String)] {
        keys.sorted().map { (name: $0, value: self[$0]!) }
    }
}

extension JSONValue {
    /// A claim as text: strings as they are, anything else as its JSON text with members in
    /// name order, so that the text does not depend on the order the issuer wrote (numbers as
    /// `JSONValue(eventJSON:)` reads them).
    var claimText: String {
        stringValue ?? JSONValue(eventJSON: self).sortingMembers().jsonText
    }
}

extension String {
    var trimmingASCIISpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
