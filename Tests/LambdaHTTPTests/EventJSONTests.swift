import Foundation
import LambdaHTTP
import TestTags
import Testing

/// Events read from one strict `JSONValue` parse: `Decodable`'s field rules, the parser's strictness.
@Suite("Events read from parsed JSON", .tags(.pure))
struct EventJSONTests {
    private func error(_ payload: String) -> LambdaHTTPError? {
        do {
            _ = try HTTPRequest(decoding: Array(payload.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing, null or mistyped field is notAnHTTPEvent naming its path, never its value",
          arguments: [
            (#"{"httpMethod": 1}"#, "httpMethod: a string is expected"),
            (#"{"httpMethod": null}"#, "httpMethod: is null"),
            (#"{"requestContext": {"http": {}}}"#, "requestContext.http.method: is missing"),
            (#"{"requestContext": {"elb": null}, "httpMethod": "GET"}"#, "requestContext.elb: is null"),
            (#"{"requestContext": "secret-x", "httpMethod": "GET"}"#, "requestContext: an object is expected"),
            (#"{"httpMethod": "GET", "headers": {"a": 7}}"#, "headers.a: a string is expected"),
            (#"{"requestContext": {"http": {"method": "GET"}}, "cookies": ["a=1", false]}"#, "cookies.1: a string is expected"),
            (#"{"httpMethod": "GET", "requestContext": {"requestTimeEpoch": 1.5}}"#, "requestContext.requestTimeEpoch: an integer is expected"),
            (#"{"httpMethod": "GET", "isBase64Encoded": "true"}"#, "isBase64Encoded: true or false is expected"),
          ])
    func fieldErrors(payload: String, message: String) {
        let error = error(payload)
        #expect(error?.code == .notAnHTTPEvent)
        #expect(error?.message == message)
    }

    @Test("absent and null optional fields are nil; unknown fields are ignored")
    func optionalFields() throws {
        let request = try HTTPRequest(decoding: Array(#"""
            {"httpMethod": "GET", "path": null, "headers": null, "requestContext": {"identity": null, "x": [[{}]]}, "extra": {"y": 1}}
            """#.utf8))
        #expect(request.rawPath == "/")
        #expect(request.headers.isEmpty)
        #expect(request.context.sourceIP == nil)
    }

    @Test("authorizer numbers read as Decimal reads them, as under JSONDecoder")
    func authorizerNumbers() throws {
        let request = try HTTPRequest(decoding: Array(#"""
            {"httpMethod": "GET", "requestContext": {"authorizer": {"n": 1.50, "e": 1e3, "a": [2.0, "x"], "claims": {"iat": 1.50}}}}
            """#.utf8))
        #expect(request.context.authorizerContext["n"]?.jsonText == "1.5")
        #expect(request.context.authorizerContext["e"]?.jsonText == "1000")
        #expect(request.context.authorizerContext["a"]?.jsonText == #"[2,"x"]"#)
        #expect(request.context.claims == ["iat": "1.5"])
    }

    @Test("JWT claims (HTTP API) read once into text: strings as they are, other values as canonical JSON text")
    func jwtClaimTexts() throws {
        let request = try HTTPRequest(decoding: Array(#"""
            {"version": "2.0", "routeKey": "GET /", "rawPath": "/", "requestContext": {"http": {"method": "GET"},
             "authorizer": {"jwt": {"claims": {"sub": "u-1", "iat": 1.50, "ok": true, "aud": ["b", 1e2], "o": {"z": 1, "a": null}}, "scopes": null}}}}
            """#.utf8))
        #expect(request.context.claims == ["sub": "u-1", "iat": "1.5", "ok": "true", "aud": #"["b",100]"#, "o": #"{"a":null,"z":1}"#])
        #expect(error(#"{"version": "2.0", "requestContext": {"http": {"method": "GET"}, "authorizer": {"jwt": {"claims": ["sub"]}}}}"#)?
            .message == "requestContext.authorizer.jwt.claims: an object is expected")
    }

    @Test("what the strict parser refuses is notAnHTTPEvent: a member given twice, nesting past maxDepth")
    func strictParse() throws {
        #expect(error(#"{"httpMethod": "GET", "httpMethod": "POST"}"#)?.code == .notAnHTTPEvent)
        func nested(_ depth: Int) -> String {
            // The event object and requestContext, authorizer, "x" hold depth - 3 arrays.
            #"{"httpMethod": "GET", "requestContext": {"authorizer": {"x": "#
                + String(repeating: "[", count: depth - 3) + String(repeating: "]", count: depth - 3) + "}}}"
        }
        #expect(error(nested(HTTPEvent.maxDepth)) == nil)
        #expect(error(nested(HTTPEvent.maxDepth + 1))?.code == .notAnHTTPEvent)
    }

    @Test("each fixture reads as the same kind through a Decoder and from parsed JSON")
    func decoderAgrees() throws {
        for file in try EventFixtures.allFiles() {
            let json = try JSONValue.parse(EventFixtures.bytes(file), maxDepth: HTTPEvent.maxDepth)
            #expect(try HTTPEvent(json: json).kind == EventFixtures.event(file).kind, "\(file)")
        }
    }
}
