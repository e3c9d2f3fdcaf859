import Foundation
import LambdaHTTP
import TestTags
import Testing

/// Which sources leave the path encoded, on small hand-made events.
@Suite("Path and cookie sources per kind", .tags(.pure))
struct PathDecodingTests {
    private func request(_ event: [String: Any]) throws -> HTTPRequest {
        try HTTPRequest(decoding: Array(try JSONSerialization.data(withJSONObject: event)))
    }

    private func v2(routeKey: String?, rawPath: String, stage: String = "$default", extra: [String: Any] = [:]) -> [String: Any] {
        var event: [String: Any] = [
            "version": "2.0", "rawPath": rawPath, "rawQueryString": "",
            "requestContext": ["stage": stage, "http": ["method": "GET", "path": rawPath]] as [String: Any],
        ]
        if let routeKey { event["routeKey"] = routeKey }
        return event.merging(extra) { $1 }
    }

    @Test("Function URL paths are percent-decoded; HTTP API paths are used as given")
    func functionURLDecoded() throws {
        let url = try request(v2(routeKey: nil, rawPath: "/api/x/2024-05-01T09%3A30%3A00%2B02%3A00"))
        #expect(url.kind == .functionURL)
        #expect(url.path == "/api/x/2024-05-01T09:30:00+02:00")
        #expect(url.rawPath == "/api/x/2024-05-01T09%3A30%3A00%2B02%3A00")
        let api = try request(v2(routeKey: "$default", rawPath: "/100% sure"))
        #expect(api.kind == .httpAPI)
        #expect(api.path == "/100% sure")
    }

    @Test("a stage prefix is stripped only as a whole segment")
    func stagePrefix() throws {
        #expect(try request(v2(routeKey: "$default", rawPath: "/Prod", stage: "Prod")).path == "/")
        #expect(try request(v2(routeKey: "$default", rawPath: "/Production/x", stage: "Prod")).path == "/Production/x")
        #expect(try request(v2(routeKey: "$default", rawPath: "/api/users", stage: "Prod")).path == "/api/users")
    }

    @Test("REST API paths are percent-decoded; a broken escape is kept as sent")
    func restDecoded() throws {
        let rest = try request(["httpMethod": "GET", "path": "/a%20b/%C2%A5"])
        #expect(rest.path == "/a b/¥")
        let broken = try request(["httpMethod": "GET", "path": "/a%zz"])
        #expect(broken.path == "/a%zz")
    }

    @Test("an empty cookies array falls back to the cookie header")
    func cookieFallback() throws {
        let event = v2(routeKey: "$default", rawPath: "/", extra: ["cookies": [String](), "headers": ["Cookie": "a=1; b=2"]])
        #expect(try request(event).cookies == ["a=1", "b=2"])
    }

    @Test("without rawQueryString, queryStringParameters is used")
    func queryWithoutRaw() throws {
        var event = v2(routeKey: "$default", rawPath: "/")
        event["rawQueryString"] = nil
        event["queryStringParameters"] = ["limit": "10"]
        #expect(try request(event).query["limit"] == "10")
    }
}
