import Foundation
import LambdaHTTP
import TestTags
import Testing

@Suite("Response payloads per event kind", .tags(.pure))
struct ResponseEncodingTests {
    struct Greeting: Encodable {
        let message: String
        let count: Int
    }

    private func object(_ payload: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any])
    }

    private var sample: HTTPResponse {
        var response = HTTPResponse.json(bytes: Array(#"{"ok":true}"#.utf8), status: 201)
        response.headers.add(name: "Vary", value: "Accept")
        response.headers.add(name: "Vary", value: "Origin")
        response.headers.add(name: "Set-Cookie", value: "a=1")
        response.cookies = ["b=2"]
        return response
    }

    @Test("payload 2.0: statusCode, headers (repeats comma-joined), cookies, text body")
    func payloadV2() throws {
        let json = try object(sample.encoded(as: .payloadV2))
        #expect(Set(json.keys) == ["statusCode", "headers", "cookies", "body", "isBase64Encoded"])
        #expect(json["statusCode"] as? Int == 201)
        let headers = try #require(json["headers"] as? [String: String])
        #expect(headers == ["Content-Type": "application/json", "Vary": "Accept,Origin"])
        #expect(json["cookies"] as? [String] == ["b=2", "a=1"])
        #expect(json["body"] as? String == #"{"ok":true}"#)
        #expect(json["isBase64Encoded"] as? Bool == false)
    }

    @Test("REST API: headers and multiValueHeaders, cookies as Set-Cookie values")
    func restAPI() throws {
        let json = try object(sample.encoded(as: .restAPI))
        #expect(Set(json.keys) == ["statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"])
        let multi = try #require(json["multiValueHeaders"] as? [String: [String]])
        #expect(multi["Vary"] == ["Accept", "Origin"])
        #expect(multi["Set-Cookie"] == ["a=1", "b=2"])
        let single = try #require(json["headers"] as? [String: String])
        #expect(single["Content-Type"] == "application/json")
        #expect(single["Set-Cookie"] == nil)
    }

    @Test("ALB: statusDescription, and headers or multiValueHeaders as the request had them")
    func alb() throws {
        let multi = try object(sample.encoded(as: .alb(multiValue: true)))
        #expect(Set(multi.keys) == ["statusCode", "statusDescription", "multiValueHeaders", "body", "isBase64Encoded"])
        #expect(multi["statusDescription"] as? String == "201 Created")
        #expect((multi["multiValueHeaders"] as? [String: [String]])?["Set-Cookie"] == ["a=1", "b=2"])

        let single = try object(sample.encoded(as: .alb(multiValue: false)))
        #expect(Set(single.keys) == ["statusCode", "statusDescription", "headers", "body", "isBase64Encoded"])
        let headers = try #require(single["headers"] as? [String: String])
        #expect(headers["Vary"] == "Accept,Origin")
        #expect(headers["Set-Cookie"] == "b=2", "single-value mode keeps the last cookie")
    }

    @Test("non-text bodies are base64; text types are not", arguments: [
        ("application/octet-stream", true), ("image/png", true), ("application/json", false),
        ("application/problem+json", false), ("text/csv; charset=utf-8", false), ("Application/JSON", false),
    ])
    func base64Decision(contentType: String, base64: Bool) throws {
        let bytes: [UInt8] = Array("héllo".utf8)
        let response = HTTPResponse(status: 200, headers: ["Content-Type": contentType], body: bytes)
        let json = try object(response.encoded(as: .payloadV2))
        #expect(json["isBase64Encoded"] as? Bool == base64)
        let body = try #require(json["body"] as? String)
        let decoded = base64 ? Array(try #require(Data(base64Encoded: body))) : Array(body.utf8)
        #expect(decoded == bytes)
    }

    @Test("a text type whose bytes are not UTF-8 goes as base64")
    func invalidUTF8Text() throws {
        let response = HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: [0xFF, 0xFE])
        let json = try object(response.encoded(as: .restAPI))
        #expect(json["isBase64Encoded"] as? Bool == true)
        #expect(json["body"] as? String == "//4=")
    }

    @Test("JSON convenience: Encodable body with Content-Type application/json")
    func jsonConvenience() throws {
        let response = try HTTPResponse.json(Greeting(message: "a/b \"q\"", count: 3), status: 200)
        #expect(response.headers["content-type"] == "application/json")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(body["message"] as? String == "a/b \"q\"")
        #expect(body["count"] as? Int == 3)
    }

    @Test("204: empty body, no Content-Type, not base64")
    func noContent() throws {
        let json = try object(HTTPResponse.noContent().encoded(as: .payloadV2))
        #expect(json["statusCode"] as? Int == 204)
        #expect(json["body"] as? String == "")
        #expect(json["isBase64Encoded"] as? Bool == false)
        #expect((json["headers"] as? [String: String])?.isEmpty == true)
    }
}
