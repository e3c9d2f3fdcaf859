import APIGatewayTesting
import Foundation
import LambdaHTTP
import LambdaRuntime
import TestTags
import Testing
import UTCTime

@Suite("HTTPLambdaHandler: event bytes in, response bytes out", .tags(.pure))
struct HTTPLambdaHandlerTests {
    enum Route: Hashable, Sendable {
        case create, get, readBody
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "secret detail: connection string xyz" }
    }

    static let router = Router<Route>([
        HTTPRoute(.create, .post, "/api/things/", takesJSONBody: true),
        HTTPRoute(.get, .get, "/api/things/{user_uuid}", parameterTypes: ["user_uuid": .uuid]),
        HTTPRoute(.readBody, .put, "/api/raw/"),
    ])

    static let uuid = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"

    let context = LambdaContext(
        requestID: "lambda-req-1", deadline: Instant(millisecondsSinceEpoch: Instant.now().millisecondsSinceEpoch + 60_000),
        invokedFunctionARN: "arn:aws:lambda:us-east-1:123456789012:function:test", traceID: nil,
        clientContext: nil, cognitoIdentity: nil, logger: LambdaLogger(minimumLevel: .fatal))

    /// An application that echoes what it was given, or fails as the route asks.
    static func echo(_ request: HTTPRequest, _ match: RouteMatch<Route>, _ context: LambdaContext) throws -> HTTPResponse {
        switch match.id {
        case .create:
            let body = try JSONValue.parse(try request.body())
            if body.objectValue?["fail"] == .bool(true) { throw Failure() }
            if body.objectValue?["conflict"] == .bool(true) { throw Problem(.conflict, detail: "exists") }
            return .json(body, status: 201)
        case .get:
            return .json(.object([
                "user_uuid": .string(match.parameters.uuid("user_uuid")!.uuidString.lowercased()),
                "q": .array(request.query.values(for: "q").map(JSONValue.string)),
            ]))
        case .readBody:
            return HTTPResponse(status: 200, headers: ["Content-Type": "application/octet-stream"], body: try request.body())
        }
    }

    /// A payload 2.0 event, as API Gateway builds it; the body exactly as given.
    static func v2Event(
        method: String, path: String, query: String = "", headers: [String: String] = [:],
        body: String? = nil, base64: Bool = false
    ) -> [UInt8] {
        let request = ClientRequest(
            method: method, path: path, rawQuery: query, headers: headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            body: body.map { Array($0.utf8) }, sourceIP: "203.0.113.9"
        )
        var event = HTTPAPIEventBuilder().event(for: request, routeKey: "$default", requestID: "apigw-id", epochMilliseconds: 1_700_000_000_000)
        if let body {
            event["body"] = .string(body)
            event["isBase64Encoded"] = .bool(base64)
        }
        return Array(event.jsonText.utf8)
    }

    private func invoke(_ event: [UInt8], maxBodyBytes: Int = HTTPLambdaHandler<ClosureHTTPApplication<Route>>.defaultMaxBodyBytes) throws -> [String: Any] {
        var handler = HTTPLambdaHandler(router: Self.router, maxBodyBytes: maxBodyBytes, Self.echo)
        let output = try handler.handle(event, context: context)
        return try #require(try JSONSerialization.jsonObject(with: Data(output)) as? [String: Any])
    }

    private func problem(_ response: [String: Any]) throws -> [String: Any] {
        let headers = try #require(response["headers"] as? [String: String])
        #expect(headers["Content-Type"] == "application/problem+json")
        #expect(headers["Cache-Control"] == "no-store")
        let body = try #require(response["body"] as? String)
        return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test("a routed GET: typed parameter, repeated query values, X-Request-Id")
    func routedGet() throws {
        let response = try invoke(Self.v2Event(method: "GET", path: "/api/things/\(Self.uuid.uppercased())/", query: "q=a+b&q=c%2Cd"))
        #expect(response["statusCode"] as? Int == 200)
        let headers = try #require(response["headers"] as? [String: String])
        #expect(headers["X-Request-Id"] == "lambda-req-1")
        #expect(headers["Cache-Control"] == "no-store")
        let body = try #require(try JSONSerialization.jsonObject(with: Data((response["body"] as! String).utf8)) as? [String: Any])
        #expect(body["user_uuid"] as? String == Self.uuid)
        #expect(body["q"] as? [String] == ["a b", "c,d"])
    }

    @Test("a JSON POST with charset answers 201 with the body")
    func jsonPost() throws {
        let response = try invoke(Self.v2Event(
            method: "POST", path: "/api/things", headers: ["content-type": "application/json; charset=utf-8"],
            body: #"{"weight": 82.35}"#))
        #expect(response["statusCode"] as? Int == 201)
        #expect(response["body"] as? String == #"{"weight":82.35}"#)
    }

    @Test("REST API and ALB events are answered in their own shapes")
    func otherShapes() throws {
        let rest: [String: Any] = [
            "httpMethod": "GET", "path": "/api/things/\(Self.uuid)", "headers": NSNull(),
            "requestContext": ["requestId": "r", "stage": "prod"],
        ]
        let restResponse = try invoke(Array(try JSONSerialization.data(withJSONObject: rest)))
        #expect(restResponse["statusCode"] as? Int == 200)
        #expect((restResponse["multiValueHeaders"] as? [String: [String]])?["X-Request-Id"] == ["lambda-req-1"])

        let alb: [String: Any] = [
            "httpMethod": "GET", "path": "/api/things/\(Self.uuid)",
            "multiValueHeaders": ["host": ["x"]], "multiValueQueryStringParameters": ["q": ["1", "2"]],
            "requestContext": ["elb": ["targetGroupArn": "arn"]], "body": "", "isBase64Encoded": false,
        ]
        let albResponse = try invoke(Array(try JSONSerialization.data(withJSONObject: alb)))
        #expect(albResponse["statusDescription"] as? String == "200 OK")
        #expect((albResponse["multiValueHeaders"] as? [String: [String]])?["X-Request-Id"] == ["lambda-req-1"])
        #expect(albResponse["headers"] == nil)
    }

    @Test("every fixture event gets an answer in its shape with the request id")
    func fixturesThroughTheHandler() throws {
        for file in try EventFixtures.allFiles() {
            let request = try EventFixtures.request(file)
            var handler = HTTPLambdaHandler(router: Self.router, Self.echo)
            let output = try handler.handle(try EventFixtures.bytes(file), context: context)
            let response = try #require(try JSONSerialization.jsonObject(with: Data(output)) as? [String: Any])
            #expect(response["statusCode"] as? Int == 404 || response["statusCode"] as? Int == 405, "\(file)")
            let headers = (response["headers"] as? [String: String]) ?? [:]
            let multi = (response["multiValueHeaders"] as? [String: [String]]) ?? [:]
            #expect(headers["X-Request-Id"] == "lambda-req-1" || multi["X-Request-Id"] == ["lambda-req-1"], "\(file)")
            #expect(headers["Cache-Control"] == "no-store" || multi["Cache-Control"] == ["no-store"], "\(file)")
            if request.kind == .alb { #expect((multi.isEmpty) != request.isMultiValue, "\(file)") }
        }
    }

    @Test("404, 405 with Allow, 400 with invalid_params: all with request_id")
    func routingProblems() throws {
        let notFound = try invoke(Self.v2Event(method: "GET", path: "/nope"))
        #expect(notFound["statusCode"] as? Int == 404)
        #expect(try problem(notFound)["request_id"] as? String == "lambda-req-1")

        let notAllowed = try invoke(Self.v2Event(method: "DELETE", path: "/api/things/"))
        #expect(notAllowed["statusCode"] as? Int == 405)
        #expect((notAllowed["headers"] as? [String: String])?["Allow"] == "POST")
        #expect(try problem(notAllowed)["type"] as? String == "/problems/method-not-allowed")

        let bad = try invoke(Self.v2Event(method: "GET", path: "/api/things/12345"))
        #expect(bad["statusCode"] as? Int == 400)
        let params = try #require(try problem(bad)["invalid_params"] as? [[String: String]])
        #expect(params.map { $0["name"] } == ["user_uuid"])
    }

    @Test("a body over the limit is 413; at the limit it is read")
    func payloadTooLarge() throws {
        let limit = 1 << 20
        let over = try invoke(Self.v2Event(
            method: "PUT", path: "/api/raw", body: String(repeating: "a", count: limit + 1)))
        #expect(over["statusCode"] as? Int == 413)
        #expect(try problem(over)["type"] as? String == "/problems/payload-too-large")

        let atLimit = try invoke(Self.v2Event(method: "PUT", path: "/api/raw", body: String(repeating: "a", count: limit)))
        #expect(atLimit["statusCode"] as? Int == 200)

        let base64Over = Data(repeating: 7, count: limit + 1).base64EncodedString()
        let encodedOver = try invoke(Self.v2Event(method: "PUT", path: "/api/raw", body: base64Over, base64: true))
        #expect(encodedOver["statusCode"] as? Int == 413)

        let base64At = Data(repeating: 7, count: limit).base64EncodedString()
        let encodedAt = try invoke(Self.v2Event(method: "PUT", path: "/api/raw", body: base64At, base64: true))
        #expect(encodedAt["statusCode"] as? Int == 200)
        #expect(encodedAt["isBase64Encoded"] as? Bool == true)
    }

    @Test("a JSON route with another or no Content-Type is 415", arguments: [
        ["content-type": "text/plain"], ["content-type": "application/x-www-form-urlencoded"], [:],
    ])
    func unsupportedMediaType(headers: [String: String]) throws {
        let response = try invoke(Self.v2Event(method: "POST", path: "/api/things/", headers: headers, body: "{}"))
        #expect(response["statusCode"] as? Int == 415)
        #expect(try problem(response)["type"] as? String == "/problems/unsupported-media-type")
    }

    @Test("a throwing application answers 500 with only the request id; the process goes on")
    func throwingApplication() throws {
        let response = try invoke(Self.v2Event(
            method: "POST", path: "/api/things/", headers: ["Content-Type": "application/json"], body: #"{"fail":true}"#))
        #expect(response["statusCode"] as? Int == 500)
        let body = try problem(response)
        #expect(body["request_id"] as? String == "lambda-req-1")
        #expect(body["type"] as? String == "/problems/internal")
        #expect(!(response["body"] as! String).contains("secret"))
    }

    @Test("a thrown Problem is the answer, with the request id")
    func thrownProblem() throws {
        let response = try invoke(Self.v2Event(
            method: "POST", path: "/api/things/", headers: ["Content-Type": "application/json"], body: #"{"conflict":true}"#))
        #expect(response["statusCode"] as? Int == 409)
        #expect(try problem(response)["request_id"] as? String == "lambda-req-1")
    }

    @Test("a bad base64 body is a 400 only for a route that reads it")
    func badBase64() throws {
        let reads = try invoke(Self.v2Event(method: "PUT", path: "/api/raw/", body: "not base64!", base64: true))
        #expect(reads["statusCode"] as? Int == 400)
        #expect(try problem(reads)["type"] as? String == "/problems/malformed-body")
        let ignores = try invoke(Self.v2Event(
            method: "GET", path: "/api/things/\(Self.uuid)", body: "not base64!", base64: true))
        #expect(ignores["statusCode"] as? Int == 200)
    }

    @Test("an event that is not an HTTP event throws; the same handler then serves the next one")
    func undecodableEvent() throws {
        var handler = HTTPLambdaHandler(router: Self.router, Self.echo)
        #expect(throws: LambdaHTTPError.self) {
            _ = try handler.handle(Array(#"{"Records":[{"eventSource":"aws:sqs"}]}"#.utf8), context: context)
        }
        let output = try handler.handle(Self.v2Event(method: "GET", path: "/api/things/\(Self.uuid)"), context: context)
        let response = try #require(try JSONSerialization.jsonObject(with: Data(output)) as? [String: Any])
        #expect(response["statusCode"] as? Int == 200)
    }
}
