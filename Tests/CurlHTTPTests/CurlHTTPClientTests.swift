import CurlHTTP
import HTTPTestSupport
import TestTags
import Testing

/// One client (one libcurl handle, options set once) sending a mix of requests to a real
/// HTTP server: nothing of one request (method, headers, body, timeout) may leak into the next.
@Suite("CurlHTTPClient against a real HTTP server", .tags(.pure))
struct CurlHTTPClientTests {
    @Test("methods, headers and bodies in turn on one handle, over one connection")
    func requestsInTurn() async throws {
        let server = try await RecordingHTTPServer()
        let base = "http://127.0.0.1:\(server.port)"
        let client = try CurlHTTPClient()
        let body = Array("{\"a\":1}\u{0}\u{FF}end".utf8)

        let sent: [CurlHTTPRequest] = [
            CurlHTTPRequest(method: "GET", url: base + "/one", headers: [("X-One", "1")]),
            CurlHTTPRequest(method: "POST", url: base + "/two", headers: [("Content-Type", "application/json")], body: body, timeoutMilliseconds: 5000),
            CurlHTTPRequest(method: "GET", url: base + "/three"),
            CurlHTTPRequest(method: "PUT", url: base + "/four", body: Array("put".utf8)),
            CurlHTTPRequest(method: "DELETE", url: base + "/five"),
            CurlHTTPRequest(method: "POST", url: base + "/six"),
            CurlHTTPRequest(method: "GET", url: base + "/seven", timeoutMilliseconds: 5000),
        ]
        for (index, request) in sent.enumerated() {
            let response = try client.perform(request)
            #expect(response.status == 200)
            #expect(response.header("x-method") == request.method)
            #expect(response.body == request.body, "response \(index) echoes its own request's body")
        }
        try await server.shutdown()

        let received = server.received
        #expect(received.map(\.method) == sent.map(\.method))
        #expect(received.map(\.uri) == ["/one", "/two", "/three", "/four", "/five", "/six", "/seven"])
        #expect(received.map(\.body) == sent.map(\.body))
        #expect(server.connections == 1)
        // Headers belong to their request only; no Expect: 100-continue before a body.
        #expect(received[0].header("X-One") == "1")
        #expect(received[1].header("Content-Type") == "application/json")
        #expect(received.dropFirst().allSatisfy { $0.header("X-One") == nil })
        #expect(received.indices.filter { received[$0].header("Content-Type") == "application/json" } == [1])
        #expect(received.allSatisfy { $0.header("Expect") == nil })
    }

    @Test("a refused connection is a transient couldNotConnect error, and the handle still works after it")
    func refusedThenServed() async throws {
        let server = try await RecordingHTTPServer()
        let client = try CurlHTTPClient()
        // Port 1 on loopback: nothing listens there.
        let refused = #expect(throws: CurlHTTPError.self) { try client.perform(CurlHTTPRequest(method: "GET", url: "http://127.0.0.1:1/")) }
        #expect(refused?.code == .couldNotConnect)
        #expect(refused?.isTransient == true)
        let response = try client.perform(CurlHTTPRequest(method: "POST", url: "http://127.0.0.1:\(server.port)/after", body: [1, 2, 3]))
        #expect(response.status == 200)
        #expect(response.body == [1, 2, 3])
        try await server.shutdown()
    }
}
