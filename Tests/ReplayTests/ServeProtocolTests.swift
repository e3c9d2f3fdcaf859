import Foundation
import Glibc
import ReplayKit
import TestTags
import Testing

/// `replay serve` with requests its HTTP parser refuses, over a raw loopback socket: the
/// answer comes, then the server closes the connection (a client must not hang on it).
@Suite(.serialized, .tags(.process)) struct ServeProtocolTests {
    /// What came back before the server closed, or nil when it kept the socket open for 10 s.
    private func exchange(port: Int, _ bytes: [UInt8]) throws -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            // The server may answer and close before it has read everything (a huge head).
            if count <= 0 { break }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return String(decoding: received, as: UTF8.self) }
            if count < 0 { return errno == ECONNRESET ? String(decoding: received, as: UTF8.self) : nil }
            received += buffer[0..<count]
        }
    }

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
                let reply = try exchange(port: client.port, Array(request.utf8))
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
