import Foundation
import Glibc
import ReplayKit
import TestTags
import Testing

/// `replay serve` with requests its HTTP parser refuses, over a raw loopback socket: the
/// answer comes, then the server closes the connection (a client must not hang on it).
@Suite(.serialized, .tags(.process)) struct ServeProtocolTests {
    @Test func unparsableRequestsAreAnsweredAndClosed() async throws {
        try await withServe(binaries: try testFunctionFleet()) { client, _, _ in
            let cases: [(request: String, status: String)] = [
                ("GARBAGE\r\n\r\n", "400"),
                ("GET /api/users HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", "400"),
                ("GET /api/users HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "400"),
                ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", "414"),
                ("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 20_000) + "\r\n\r\n", "431"),
                ("GET / HTTP/1.1\r\nHost: x\r\nX-Huge: " + String(repeating: "b", count: 300_000) + "\r\n\r\n", "431"),
            ]
            for (request, status) in cases {
                // What came back before the server closed; nil when it kept the socket open for 10 s.
                let connection = try LoopbackConnection(port: client.port)
                connection.send(request)
                let reply = connection.readToEOF(within: 10)
                let text = try #require(reply, "the connection stayed open after \(request.prefix(40).debugDescription)")
                #expect(text.hasPrefix("HTTP/1.1 \(status) "), "\(request.prefix(40).debugDescription): \(text.prefix(80).debugDescription)")
                #expect(text.lowercased().contains("connection: close"), "\(text.prefix(200))")
            }
            // The server still answers well-formed requests afterwards.
            let after = try await client.send("GET", "/api/users/3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f")
            #expect(after.status == 200)
        }
    }
}
