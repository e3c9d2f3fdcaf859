import APIGatewayTesting
import LambdaHTTP
import ReplayKit
import TestTags
import Testing

@Suite(.tags(.pure)) struct HTTPAPIEventBuilderTests {
    let table = GatewayRouteTable()
    let user = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f"

    func event(_ request: ClientRequest) throws -> JSONValue {
        let match = try #require(table.match(method: request.method, path: request.path))
        return HTTPAPIEventBuilder().event(for: request, routeKey: match.routeKey, pathParameters: match.pathParameters, requestID: "rid", epochMilliseconds: 1_714_548_600_123)
    }

    @Test func requestContextHasEveryField() throws {
        let built = try event(ClientRequest(method: "GET", target: "/api/users/\(user)", headers: [("User-Agent", "curl/8")]))
        let context = try #require(built["requestContext"])
        for field in ["accountId", "apiId", "domainName", "domainPrefix", "http", "requestId", "routeKey", "stage", "time", "timeEpoch"] {
            #expect(context[field] != nil, "\(field)")
        }
        #expect(context["time"] == .string("01/May/2024:07:30:00 +0000"))
        #expect(context["timeEpoch"]?.integerValue == 1_714_548_600_123)
        #expect(context["http"]?["userAgent"] == .string("curl/8"))
        #expect(context["stage"] == .string("$default"))
        #expect(built["version"] == .string("2.0"))
        #expect(built["routeKey"] == .string("GET /api/users/{user_uuid}"))
        #expect(built["pathParameters"]?["user_uuid"] == .string(user))
        #expect(context["authorizer"] == nil)
    }

    @Test func headersLowercasedJoinedAndCookiesSplitOut() throws {
        let built = try event(ClientRequest(method: "GET", target: "/api/users/\(user)", headers: [
            ("X-Thing", "a"), ("x-thing", "b"), ("Cookie", "session=1; theme=dark"), ("Cookie", "late=2"),
        ]))
        #expect(built["headers"]?["x-thing"] == .string("a,b"))
        #expect(built["headers"]?["cookie"] == nil)
        #expect(built["cookies"] == .array([.string("session=1"), .string("theme=dark"), .string("late=2")]))
    }

    @Test func queryDecodedAndCommaJoined() throws {
        let built = try event(ClientRequest(method: "GET", target: "/api/blood-tests/\(user)?from=2024-01-01&tag=a+b&tag=%C2%A5"))
        #expect(built["rawQueryString"] == .string("from=2024-01-01&tag=a+b&tag=%C2%A5"))
        #expect(built["queryStringParameters"]?["tag"] == .string("a b,¥"))
        #expect(built["queryStringParameters"]?["from"] == .string("2024-01-01"))
    }

    @Test func textBodyAsIsOtherBodiesBase64() throws {
        let json = try event(ClientRequest(method: "POST", target: "/api/users/", headers: [("Content-Type", "application/json")], body: Array("{\"a\":1}".utf8)))
        #expect(json["body"] == .string("{\"a\":1}"))
        #expect(json["isBase64Encoded"] == .bool(false))
        #expect(json["headers"]?["content-length"] == .string("7"))
        let binary = try event(ClientRequest(method: "POST", target: "/api/users/", headers: [("Content-Type", "application/octet-stream")], body: [0xFF, 0x00, 0x41]))
        #expect(binary["body"] == .string("/wBB"))
        #expect(binary["isBase64Encoded"] == .bool(true))
    }

    @Test func claimsAsTheJWTAuthorizerPassesThem() throws {
        var request = ClientRequest(method: "GET", target: "/api/users/\(user)")
        request.claims = [("sub", .string(user)), ("scope", .string("health-tracker/admin openid")), ("iat", .number(1_700_000_000))]
        let jwt = try #require(try event(request)["requestContext"]?["authorizer"]?["jwt"])
        #expect(jwt["claims"]?["iat"] == .string("1700000000"))
        #expect(jwt["scopes"] == .array([.string("health-tracker/admin"), .string("openid")]))
    }

    /// The functions' own decoder reads what the builder writes.
    @Test func theFunctionsDecodeIt() throws {
        var request = ClientRequest(method: "PATCH", target: "/api/users/\(user)/?x=1", headers: [("Content-Type", "application/json"), ("Cookie", "a=b")], body: Array("{}".utf8))
        request.claims = [("sub", .string(user))]
        let built = try event(request)
        let decoded = try HTTPRequest(decoding: Array(built.jsonText.utf8))
        #expect(decoded.kind == .httpAPI)
        #expect(decoded.method == .patch)
        #expect(decoded.path == "/api/users/\(user)/")
        #expect(decoded.query["x"] == "1")
        #expect(decoded.cookie("a") == "b")
        #expect(decoded.context.claims["sub"] == user)
        #expect(decoded.context.routeKey == "PATCH /api/users/{user_uuid}/")
        #expect(try decoded.body() == Array("{}".utf8))
    }
}
