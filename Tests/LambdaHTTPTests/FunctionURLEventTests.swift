import LambdaHTTP
import TestTags
import Testing

/// The quirks of the Lambda Function URL fixtures, per SOURCES.md.
@Suite("Function URL events", .tags(.pure))
struct FunctionURLEventTests {
    @Test("no routeKey and no stage: still a function URL event")
    func noRouteKeyOrStage() throws {
        let request = try EventFixtures.request("function-url/go-lambda-urls-request.json")
        #expect(request.kind == .functionURL)
        #expect(request.context.routeKey == nil)
        #expect(request.context.stage == nil)
        #expect(request.query.values(for: "parameter1") == ["value1", "value2"])
        #expect(String(decoding: try request.body(), as: UTF8.self) == "Hello from client!")
        #expect(request.responseShape == .payloadV2)
    }

    @Test("a cookie in both the cookies array and the cookie header is taken once")
    func duplicatedCookie() throws {
        let rust = try EventFixtures.request("function-url/rust-http-lambda_function_url_request.json")
        #expect(rust.cookies == ["test=hi"])
        #expect(rust.cookie("test") == "hi")
        #expect(rust.query.values(for: "parameter1") == ["value1", "value2"], "rawQueryString without queryStringParameters")
        let swift = try EventFixtures.request("function-url/swift-FunctionURLTests-realWorldExample.json")
        #expect(swift.cookies == ["test"])
        #expect(swift.query["test"] == "2")
    }

    @Test("explicit nulls: body, pathParameters, authentication, cognitoIdentity")
    func explicitNulls() throws {
        let request = try EventFixtures.request("function-url/powertools-ts-lambda-base.json")
        #expect(request.rawBody == nil)
        #expect(try request.body() == [])
        #expect(request.pathParameters.isEmpty)
    }

    @Test("anonymous browser GET with escaped quotes in a header value")
    func anonymousBrowser() throws {
        let request = try EventFixtures.request("function-url/powertools-lambdaFunctionUrlEvent.json")
        #expect(request.method == .get)
        let secCHUA = try #require(request.headers["Sec-CH-UA"])
        #expect(secCHUA.contains("\""))
    }

    @Test("base64 body with empty headers")
    func base64WithEmptyHeaders() throws {
        let request = try EventFixtures.request("function-url/swift-FunctionURLTests-requestWithBase64Body.json")
        #expect(request.headers.isEmpty)
        #expect(String(decoding: try request.body(), as: UTF8.self) == "Hello from client!")
    }
}
