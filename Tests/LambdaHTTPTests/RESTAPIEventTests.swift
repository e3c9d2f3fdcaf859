import LambdaHTTP
import TestTags
import Testing

/// The quirks of the REST API (payload 1.0) fixtures, per SOURCES.md.
@Suite("REST API payload 1.0 events", .tags(.pure))
struct RESTAPIEventTests {
    @Test("numbers in the authorizer context; isBase64Encoded absent; mixed-case headers")
    func numericAuthorizerContext() throws {
        let request = try EventFixtures.request("rest-api-v1/go-apigw-request.json")
        #expect(request.kind == .restAPI)
        #expect(request.responseShape == .restAPI)
        #expect(request.context.authorizerContext["clientId"] == .number(1))
        #expect(request.context.authorizerContext["principalId"] == .string("admin"))
        #expect(request.isBase64Encoded == false)
        #expect(try request.body() == Array("{\r\n\t\"a\": 1\r\n}".utf8))
        #expect(request.headers["CACHE-CONTROL"] == "no-cache")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.context.timeEpoch == 1_589_522_469_693)
        #expect(request.context.stage == "testStage")
        #expect(request.context.sourceIP == "192.168.196.186")
        #expect(request.pathParameters == ["proxy": "hello/world"])
    }

    @Test("unknown fields, a number inside identity too, are ignored")
    func unknownFields() throws {
        let request = try EventFixtures.request("rest-api-v1/rust-example-apigw-request-catch-all.json")
        #expect(request.path == "/hello/world")
    }

    @Test("multi-value maps win over single-value maps that hold the first or the last value")
    func multiValuePreferred() throws {
        let request = try EventFixtures.request("rest-api-v1/rust-example-apigw-request-multi-value-parameters.json")
        #expect(request.query.values(for: "name") == ["me", "me2"])
        #expect(request.headers.values(for: "headername") == ["headerValue", "headerValue2"])
        let powertools = try EventFixtures.request("rest-api-v1/powertools-apiGatewayProxyEvent.json")
        #expect(powertools.headers.values(for: "Header2") == ["value1", "value2"])
        #expect(powertools.query.values(for: "parameter1") == ["value1", "value2"])
    }

    @Test("console test: headers null, every map null, sourceIp not an IP")
    func consoleTest() throws {
        let request = try EventFixtures.request("rest-api-v1/rust-example-apigw-console-test-request.json")
        #expect(request.headers.isEmpty)
        #expect(request.query.isEmpty)
        #expect(request.context.sourceIP == "test-invoke-source-ip")
        #expect(request.context.stage == "test-invoke-stage")
    }

    @Test("sam local: requestTimeEpoch in seconds is kept as given")
    func samSeconds() throws {
        let request = try EventFixtures.request("rest-api-v1/rust-example-apigw-sam-rest-request.json")
        #expect(request.context.timeEpoch == 1_706_439_946)
        #expect(request.context.domainName == "127.0.0.1:3000")
    }

    @Test("body and isBase64Encoded absent; requestContext without path or domainName")
    func sparseContext() throws {
        let request = try EventFixtures.request("rest-api-v1/rust-http-apigw_proxy_request.json")
        #expect(request.rawBody == nil)
        #expect(!request.isBase64Encoded)
        #expect(request.context.domainName == nil)
        #expect(request.path == "/hello")
    }

    @Test("authorizer {claims: null, scopes: null} gives no claims")
    func nullClaims() throws {
        let request = try EventFixtures.request("rest-api-v1/powertools-apiGatewayProxyEvent.json")
        #expect(request.context.claims.isEmpty)
        #expect(request.context.scopes.isEmpty)
    }

    @Test("invalid base64 body: the event decodes; reading the body fails")
    func invalidBase64IsLazy() throws {
        let request = try EventFixtures.request("rest-api-v1/powertools-apiGatewayProxyEvent_noVersionAuth.json")
        #expect(request.isBase64Encoded)
        #expect(request.rawBody == "Hello from Lambda!")
        #expect {
            try request.body()
        } throws: { error in
            (error as? LambdaHTTPError)?.code == .invalidBase64Body
        }
    }

    @Test("Cognito user-pool claims with date strings; top-level path without the stage")
    func cognitoRESTClaims() throws {
        let request = try EventFixtures.request("rest-api-v1/powertools-ts-apigw-rest-jwt-authorizer-auth.json")
        #expect(request.context.claims["sub"] == "d2f50444-0041-7036-aea2-a955fca33d37")
        #expect(request.context.claims["exp"] == "Tue Jun 18 15:00:04 UTC 2024")
        #expect(request.path == "/cognito")
    }

    @Test("Lambda TOKEN authorizer with a number")
    func tokenAuthorizer() throws {
        let request = try EventFixtures.request("rest-api-v1/powertools-ts-apigw-rest-lambda-authorizer-auth.json")
        #expect(request.context.authorizerContext["integrationLatency"] == .number(422))
        #expect(request.context.authorizerContext["integrationLatency"]?.integerValue == 422)
    }

    @Test("headers absent while multiValueHeaders is present")
    func onlyMultiValueHeaders() throws {
        let request = try EventFixtures.request("rest-api-v1/swift-APIGatewayTests-postEventBodyNilHeaders.json")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.mediaType == "application/json")
        let body = try JSONValue.parse(try request.body())
        #expect(body.objectValue?["title"] == .string("a todo"))
    }
}
