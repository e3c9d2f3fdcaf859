import LambdaHTTP
import TestTags
import Testing

/// The quirks of the ALB target fixtures, per SOURCES.md.
@Suite("ALB target events", .tags(.pure))
struct ALBEventTests {
    @Test("single-value mode: only headers and queryStringParameters; the response mirrors it")
    func singleValueMode() throws {
        let request = try EventFixtures.request("alb/go-alb-lambda-target-request-headers-only.json")
        #expect(request.kind == .alb)
        #expect(!request.isMultiValue)
        #expect(request.responseShape == .alb(multiValue: false))
        #expect(request.query["key"] == "hello")
        #expect(try request.body() == [])
    }

    @Test("multi-value mode: only the multiValue maps")
    func multiValueMode() throws {
        let request = try EventFixtures.request("alb/go-alb-lambda-target-request-multivalue-headers.json")
        #expect(request.isMultiValue)
        #expect(request.responseShape == .alb(multiValue: true))
        #expect(request.query["key"] == "hello")
        #expect(request.headers["User-Agent"] == "curl/7.54.0")
        #expect(request.context.sourceIP == "72.21.198.67")
    }

    @Test("health check: no host header, empty query")
    func healthCheck() throws {
        let request = try EventFixtures.request("alb/rust-http-alb_health_check.json")
        #expect(request.headers["host"] == nil)
        #expect(request.query.isEmpty)
        #expect(request.headers.count == 1)
    }

    @Test("both maps present: the multi-value ones win, cookies from every cookie header")
    func bothMaps() throws {
        let request = try EventFixtures.request("alb/rust-http-alb_multi_value_request.json")
        #expect(request.query.values(for: "myKey") == ["val1", "val2"])
        #expect(request.query.values(for: "myOtherKey") == ["val3", "val4"])
        #expect(request.cookies == ["name1=value1", "name2=value2"])
        #expect(String(decoding: try request.body(), as: UTF8.self) == "request_body")
    }

    @Test("ALB leaves the path and query encoded: both are decoded, + as space in the query")
    func encodedPathAndQuery() throws {
        let request = try EventFixtures.request("alb/serverless-express-alb.test-alb_get_without_mvh_event.json")
        #expect(request.rawPath == "/pp%C2%A5pp")
        #expect(request.path == "/pp¥pp")
        #expect(request.query["test¥Param"] == "Hello World: ¥")
        #expect(request.query["multi¥Value"] == "red, green")
    }

    @Test("multi-value headers with commas stay separate; multi-value query decoded")
    func multiValueEncoded() throws {
        let request = try EventFixtures.request("alb/serverless-express-alb.test-alb_get_with_mvh_event.json")
        #expect(request.headers.values(for: "x-multivalue-header") == ["veg,pea", "veg,celery"])
        #expect(request.query.values(for: "multi¥Value") == ["red ¥ apple", "red, green"])
        #expect(request.path == "/pp¥pp")
    }

    @Test("multipart base64 body with an empty multi-value query")
    func multipartPost() throws {
        let request = try EventFixtures.request("alb/serverless-express-alb.test-alb_post_with_mvh_event.json")
        #expect(request.isMultiValue)
        #expect(request.query.isEmpty)
        let body = try request.body()
        #expect(!body.isEmpty)
        #expect(body.count == request.bodyByteCount)
    }
}
