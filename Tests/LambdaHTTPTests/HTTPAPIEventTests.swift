import Foundation
import LambdaHTTP
import TestTags
import Testing

/// The quirks of the API Gateway HTTP API (payload 2.0) fixtures, per SOURCES.md.
@Suite("HTTP API payload 2.0 events", .tags(.pure))
struct HTTPAPIEventTests {
    @Test("JWT authorizer: claims and scopes, bare cookies, event path parameters, raw body text")
    func jwtAuthorizer() throws {
        let request = try EventFixtures.request("http-api-v2/go-apigw-v2-request-jwt-authorizer.json")
        #expect(request.kind == .httpAPI)
        #expect(request.method == .get)
        #expect(request.path == "/my/path")
        #expect(request.context.claims == ["claim1": "value1", "claim2": "value2"])
        #expect(request.context.scopes == ["scope1", "scope2"])
        #expect(request.cookies == ["cookie1", "cookie2"])
        #expect(request.cookie("cookie1") == "")
        #expect(request.cookie("missing") == nil)
        #expect(request.pathParameters == ["proxy": "hello/world"])
        #expect(try request.body() == Array("{\r\n\t\"a\": 1\r\n}".utf8))
        #expect(request.context.timeEpoch == 1_583_348_638_390)
        #expect(request.context.requestID == "id")
        #expect(request.context.stage == "$default")
        #expect(request.context.routeKey == "$default")
    }

    @Test("rawQueryString keeps repeated values that queryStringParameters comma-joins")
    func repeatedQueryFromRawQueryString() throws {
        let request = try EventFixtures.request("http-api-v2/rust-example-apigw-v2-request-multi-value-parameters.json")
        #expect(request.query.values(for: "Parameter1") == ["value1", "value2"])
        #expect(request.query["parameter1"] == nil, "query names match exactly")
        #expect(request.headers["header2"] == "value1,value2", "a repeated header stays comma-joined as sent")
    }

    @Test("percent-encoded rawQueryString with + and non-ASCII; decoded rawPath with non-ASCII")
    func encodedQueryDecodedPath() throws {
        let request = try EventFixtures.request("http-api-v2/serverless-express-api-gateway-v2.test-apigw_v2_get_event.json")
        #expect(request.path == "/pp¥pp")
        #expect(request.query["test¥Param"] == "Hello World: ¥")
        #expect(request.query.values(for: "multi¥Value") == ["red ¥ apple", "red, green"])
        #expect(request.headers["X-Multivalue-Header"] == "veg,pea,veg,celery")
        #expect(try request.body() == [])
        #expect(request.rawBody == nil)
    }

    @Test("a named stage in rawPath is stripped from path and kept in rawPath")
    func stageInPath() throws {
        let request = try EventFixtures.request("http-api-v2/rust-http-apigw_v2_proxy_request_with_stage_in_path.json")
        #expect(request.path == "/my/path")
        #expect(request.rawPath == "/Prod/my/path")
        #expect(request.context.stage == "Prod")
        #expect(request.cookies == ["cookie1=value1", "cookie2=value2"])
        #expect(request.cookie("cookie2") == "value2")
    }

    @Test("a literal space in rawPath is kept")
    func pathWithSpace() throws {
        let request = try EventFixtures.request("http-api-v2/rust-http-apigw_request_path_with_space.json")
        #expect(request.path == "/my/path-with space")
    }

    @Test("Cognito JWT: numeric claims as strings, a claim key with a colon, scopes null")
    func cognitoJWTWithNullScopes() throws {
        let request = try EventFixtures.request("http-api-v2/powertools-ts-apigw-http-jwt-authorizer-auth.json")
        #expect(request.context.claims["exp"] == "1718722804")
        #expect(request.context.claims["cognito:username"] == "aamorosi")
        #expect(request.context.claims["sub"] == "d2f50444-0041-7036-aea2-a955fca33d37")
        #expect(request.context.scopes.isEmpty)
        #expect(request.context.routeKey == "POST /cognito")
        #expect(request.cookies.isEmpty)
        #expect(request.query.isEmpty)
    }

    @Test("Lambda authorizer: free-form context; {\"lambda\": null} means none")
    func lambdaAuthorizer() throws {
        let withContext = try EventFixtures.request("http-api-v2/go-apigw-v2-request-lambda-authorizer.json")
        #expect(withContext.context.authorizerContext == ["key": .string("value")])
        let nullContext = try EventFixtures.request("http-api-v2/powertools-ts-apigw-http-lambda-authorizer-auth.json")
        #expect(nullContext.context.authorizerContext.isEmpty)
        #expect(nullContext.context.claims.isEmpty)
    }

    @Test("an authorizer with both jwt and lambda keys gives both")
    func jwtAndLambdaTogether() throws {
        let request = try EventFixtures.request("http-api-v2/powertools-apiGatewayProxyV2LambdaAuthorizerEvent.json")
        #expect(request.context.claims == ["claim1": "value1"])
        #expect(request.context.authorizerContext == ["tenantId": .string("123-456-789-012")])
    }

    @Test("IAM authorizers, with cognitoIdentity as an object or null, decode without claims")
    func iamAuthorizers() throws {
        for file in ["http-api-v2/go-apigw-v2-request-iam.json", "http-api-v2/powertools-ts-apigw-http-iam-auth.json"] {
            guard case .httpAPI(let event) = try EventFixtures.event(file) else {
                Issue.record("\(file) is not an HTTP API event")
                continue
            }
            #expect(event.requestContext.authorizer?.iam?["accessKey"]?.stringValue != nil, "\(file)")
            #expect(try EventFixtures.request(file).context.claims.isEmpty)
        }
    }

    @Test("no authorizer and no cookies, query, path parameters or body")
    func noAuthorizer() throws {
        let request = try EventFixtures.request("http-api-v2/go-apigw-v2-request-no-authorizer.json")
        #expect(request.context.claims.isEmpty && request.context.scopes.isEmpty)
        #expect(request.cookies.isEmpty && request.query.isEmpty && request.pathParameters.isEmpty)
        #expect(!request.hasBody)
        #expect(request.headers["X-FORWARDED-PROTO"] != nil)
    }

    @Test("sam local: timeEpoch in seconds is kept as given; empty collections and body")
    func samLocalSeconds() throws {
        let request = try EventFixtures.request("http-api-v2/rust-example-apigw-sam-http-request.json")
        #expect(request.context.timeEpoch == 1_706_443_748)
        #expect(request.context.routeKey == "GET /dump")
        #expect(request.cookies.isEmpty)
        #expect(request.query["foo"] == "bar")
        #expect(try request.body() == [])
    }

    @Test("SAM 1.18: stage null; time, timeEpoch and domainName absent")
    func samNullStage() throws {
        let request = try EventFixtures.request("http-api-v2/serverless-express-utils-samHttpApiEvent.json")
        #expect(request.context.stage == nil)
        #expect(request.context.timeEpoch == nil)
        #expect(request.context.domainName == nil)
        #expect(request.path == "/")
        #expect(request.kind == .httpAPI)
    }

    @Test("base64 bodies decode: plain text, and a multipart body with UTF-8")
    func base64Bodies() throws {
        let hello = try EventFixtures.request("http-api-v2/swift-APIGateway+V2Tests-requestWithBase64Body.json")
        #expect(hello.headers.isEmpty, "the headers key is absent")
        #expect(hello.context.routeKey == "POST /hello", "requestContext.routeKey is absent; the top-level one is used")
        #expect(String(decoding: try hello.body(), as: UTF8.self) == "Hello World!")
        #expect(hello.bodyByteCount == 12)

        let multipart = try EventFixtures.request("http-api-v2/serverless-express-api-gateway-v2.test-apigw_v2_post_event.json")
        let body = try multipart.body()
        #expect(body.count == 425)
        #expect(multipart.bodyByteCount == 425)
        #expect(multipart.mediaType == "multipart/form-data")
        #expect(multipart.query.isEmpty)
    }

    @Test("the documentation example: CIDR source IP and a JSON body")
    func documentationExample() throws {
        let request = try EventFixtures.request("http-api-v2/powertools-apiGatewayProxyV2Event.json")
        #expect(request.context.sourceIP == "192.168.0.1/32")
        let body = try JSONValue.parse(try request.body())
        #expect(body.objectValue?["username"] == .string("tom"))
    }
}
