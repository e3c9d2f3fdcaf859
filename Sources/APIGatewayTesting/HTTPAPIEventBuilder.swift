#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Essentials
import FoundationEssentials
public import LambdaHTTP
import UTCTime

/// Builds the API Gateway HTTP API (payload 2.0) event that API Gateway sends a function
/// for a client's request: header names lowercased and repeats comma-joined, the Cookie
/// header split into `cookies`, the query decoded into `queryStringParameters`, the JWT
/// authorizer's claims as strings, and a body that is not text base64-encoded.
public struct HTTPAPIEventBuilder: Sendable {
    public var accountID = "123456789012"
    public var apiID: String
    public var domainName: String
    public var stage = "$default"

    /// Replay's defaults: the API `replaylocal` on `localhost`.
    public init(apiID: String = "replaylocal", domainName: String = "localhost") {
        self.apiID = apiID
        self.domainName = domainName
    }

    /// - Parameters:
    ///   - routeKey: the route API Gateway matched (`GET /api/users/{user_uuid}`, or `$default`).
    ///   - pathParameters: the route's variables, raw segments by name.
    ///   - requestID: `requestContext.requestId`; a fresh one when nil.
    ///   - epochMilliseconds: the request time; now when nil.
    public func event(
        for request: ClientRequest, routeKey: String, pathParameters: [(String, String)] = [],
        requestID: String? = nil, epochMilliseconds: Int64? = nil
    ) -> JSONValue {
        let millis = epochMilliseconds ?? Self.nowMilliseconds()
        let rawPath = request.path.percentDecoded() ?? request.path

        // Headers: lowercased names, repeats comma-joined, Cookie moved out.
        var headerOrder: [String] = []
        var headerValues: [String: [String]] = [:]
        var cookies: [String] = []
        for header in request.headers {
            let name = header.name.lowercased()
            if name == "cookie" {
                cookies += header.value.split(separator: ";").map { String($0.drop { $0 == " " }) }.filter { !$0.isEmpty }
                continue
            }
            if headerValues[name] == nil { headerOrder.append(name) }
            headerValues[name, default: []].append(header.value)
        }
        func add(_ name: String, _ value: String) {
            if headerValues[name] == nil { headerOrder.append(name) }
            headerValues[name] = [value]
        }
        if headerValues["host"] == nil { add("host", domainName) }
        if let body = request.body, headerValues["content-length"] == nil { add("content-length", String(body.count)) }
        add("x-amzn-trace-id", "Root=1-\(String(millis / 1000, radix: 16))-\(Self.randomHex(12))")
        add("x-forwarded-for", request.sourceIP)
        add("x-forwarded-port", String(request.serverPort))
        add("x-forwarded-proto", "http")
        let headers = JSONValue.object(JSONObject(headerOrder.map { ($0, .string(headerValues[$0]!.joined(separator: ","))) }))

        // Query: decoded, repeated names comma-joined.
        var queryOrder: [String] = []
        var queryValues: [String: [String]] = [:]
        for pair in request.rawQuery.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).percentDecoded(plusAsSpace: true) ?? String(parts[0])
            let value = parts.count > 1 ? String(parts[1]).percentDecoded(plusAsSpace: true) ?? String(parts[1]) : ""
            if queryValues[name] == nil { queryOrder.append(name) }
            queryValues[name, default: []].append(value)
        }

        var context: [(String, JSONValue)] = [
            ("accountId", .string(accountID)),
            ("apiId", .string(apiID)),
        ]
        if let claims = request.claims {
            let strings = claims.map { ($0.0, JSONValue.string(Self.claimText($0.1))) }
            let scopeText = claims.first { $0.0 == "scope" }.flatMap { Self.claimText($0.1) as String? } ?? ""
            let scopes = scopeText.split(separator: " ").map { JSONValue.string(String($0)) }
            context.append(("authorizer", .object([("jwt", .object([
                ("claims", .object(JSONObject(strings))),
                ("scopes", scopes.isEmpty ? .null : .array(scopes)),
            ]))])))
        }
        context += [
            ("domainName", .string(domainName)),
            ("domainPrefix", .string(String(domainName.split(separator: ".").first ?? ""))),
            ("http", .object([
                ("method", .string(request.method)),
                ("path", .string(rawPath)),
                ("protocol", .string("HTTP/1.1")),
                ("sourceIp", .string(request.sourceIP)),
                ("userAgent", .string(headerValues["user-agent"]?.joined(separator: ",") ?? "")),
            ])),
            ("requestId", .string(requestID ?? Self.newRequestID())),
            ("routeKey", .string(routeKey)),
            ("stage", .string(stage)),
            ("time", .string(Self.gatewayTime(millis))),
            ("timeEpoch", .number(JSONNumber(Int(millis)))),
        ]

        var event: [(String, JSONValue)] = [
            ("version", .string("2.0")),
            ("routeKey", .string(routeKey)),
            ("rawPath", .string(rawPath)),
            ("rawQueryString", .string(request.rawQuery)),
        ]
        if !cookies.isEmpty { event.append(("cookies", .array(cookies.map { .string($0) }))) }
        event.append(("headers", headers))
        if !queryOrder.isEmpty {
            event.append(("queryStringParameters", .object(JSONObject(queryOrder.map { ($0, .string(queryValues[$0]!.joined(separator: ","))) }))))
        }
        if !pathParameters.isEmpty {
            event.append(("pathParameters", .object(JSONObject(pathParameters.map {
                ($0.0, .string($0.1.percentDecoded() ?? $0.1))
            }))))
        }
        event.append(("requestContext", .object(JSONObject(context))))
        if let body = request.body, !body.isEmpty {
            let contentType = headerValues["content-type"]?.first
            if let contentType, MediaType.isText(contentType), let text = String(validating: body, as: UTF8.self) {
                event += [("body", .string(text)), ("isBase64Encoded", .bool(false))]
            } else {
                event += [("body", .string(Data(body).base64EncodedString())), ("isBase64Encoded", .bool(true))]
            }
        } else {
            event.append(("isBase64Encoded", .bool(false)))
        }
        return .object(JSONObject(event))
    }

    /// JWT authorizers pass every claim as a string; arrays as `[a b]`.
    static func claimText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .array(let items): "[" + items.map(claimText).joined(separator: " ") + "]"
        case .null: ""
        default: value.jsonText
        }
    }

    /// `22/Nov/2026:01:02:03 +0000`.
    static func gatewayTime(_ epochMilliseconds: Int64) -> String {
        let seconds = Int(epochMilliseconds / 1000)
        let date = CalendarDate(daysSinceEpoch: seconds / 86_400).components
        let within = seconds % 86_400
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(date.day))/\(months[date.month - 1])/\(date.year):\(two(within / 3600)):\(two(within / 60 % 60)):\(two(within % 60)) +0000"
    }

    public static func nowMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// API Gateway's ids look like `JKJaXmPLvHcESHA=`.
    public static func newRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<10).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
    }

    static func randomHex(_ bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
