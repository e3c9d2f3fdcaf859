import APIGatewayTesting
import HealthTracker
import Foundation
import LambdaHTTP
import Postgres
import ReplayKit
import TestTags
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The `replay serve` binary as a developer runs it, over raw loopback sockets: what its
/// function processes inherit, how it ends a `Connection: close` answer, its timeouts and
/// connection cap, its JWT checks, and what is left after `kill -9`.
@Suite(.tags(.process), .serialized) struct ServeProcessTests {
    static let secret = "serve-process-secret"
    static let issuer = "https://issuer.test"
    static let audience = "client-1"
    static let user = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f"

    /// A running `replay serve` with the test function as every function.
    final class Server {
        let process: Process
        let port: Int
        /// What it printed at start.
        let banner: String

        init(_ extra: [String]) throws {
            let replay = try #require(BuiltProducts.path("replay"), "build the package first (swift build --build-tests)")
            let function = try #require(BuiltProducts.path("replay-test-function"))
            process = Process()
            process.executableURL = URL(fileURLWithPath: replay)
            process.arguments = ["serve", "--port", "0", "--jwt-secret", ServeProcessTests.secret]
                + APIFunction.allCases.flatMap { ["--function-binary", "\($0.rawValue)=\(function)"] } + extra
            var environment = ProcessInfo.processInfo.environment
            environment["DATABASE_URL"] = "postgresql://unused@127.0.0.1:1/unused"
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The banner names the port, then an admin token, then the curl examples.
            var text = ""
            let handle = out.fileHandleForReading
            while !text.contains("Try (") {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            let port = text.firstRange(of: "127.0.0.1:").flatMap { Int(text[$0.upperBound...].prefix { $0.isNumber }) }
            guard let port else {
                process.terminate()
                throw ReplayError(.listenFailed, "no port in \(text)")
            }
            self.port = port
            banner = text
            // Keep reading so the banner never blocks the server on a full pipe.
            DispatchQueue.global().async { while !handle.availableData.isEmpty {} }
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        /// The process ids whose parent is the server.
        var children: [pid_t] {
            let parent = process.processIdentifier
            return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { name in
                guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { return nil }
                // pid (comm) state ppid ...
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                return fields.count > 1 && pid_t(fields[1]) == parent ? pid : nil
            }
        }
    }

    static func get(_ path: String, token: String?) -> String {
        "GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + (token.map { "Authorization: Bearer \($0)\r\n" } ?? "") + "\r\n"
    }

    static func token(header: String = #"{"alg":"HS256","typ":"JWT"}"#, claims: String) -> String {
        let head = JWTVerifier.base64URLEncode(Array(header.utf8)), body = JWTVerifier.base64URLEncode(Array(claims.utf8))
        return head + "." + body + "." + JWTVerifier.base64URLEncode(SHA256.hmac(key: Array(secret.utf8), message: Array((head + "." + body).utf8)))
    }

    /// The socket inodes a process holds.
    static func socketInodes(_ pid: pid_t) -> Set<String> {
        let directory = "/proc/\(pid)/fd"
        return Set(((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).compactMap { name in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\(name)"),
                  target.hasPrefix("socket:") else { return nil }
            return target
        })
    }

    @Test func functionsInheritNothingConnectionCloseEndsWithEOFAndJWTClaimsAreChecked() throws {
        let server = try Server(["--jwt-issuer", Self.issuer, "--jwt-audience", Self.audience])
        defer { server.stop() }
        let claims = #"{"sub":"\#(Self.user)","iss":"\#(Self.issuer)","aud":"\#(Self.audience)"}"#
        // The first request starts the function; the answer must still end with EOF.
        let first = try LoopbackConnection(port: server.port)
        first.send(Self.get("/api/users/\(Self.user)", token: Self.token(claims: claims)))
        let reply = try #require(first.readToEOF(within: 60), "no EOF after a Connection: close answer")
        #expect(reply.hasPrefix("HTTP/1.1 200"), "\(reply)")

        // The function process holds none of the server's sockets (listener, client, emulator).
        let children = server.children
        #expect(!children.isEmpty)
        let serverSockets = Self.socketInodes(server.process.processIdentifier)
        #expect(!serverSockets.isEmpty)
        for child in children {
            #expect(Self.socketInodes(child).isDisjoint(with: serverSockets), "function \(child) holds a socket of replay serve")
        }

        let good = Self.token(claims: claims)
        let refused: [(String, String)] = [
            ("crit", Self.token(header: #"{"alg":"HS256","crit":["b64"],"b64":false}"#, claims: claims)),
            ("non-canonical signature", {
                let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                let index = alphabet.firstIndex(of: good.last!)!
                return String(good.dropLast()) + String(alphabet[index ^ 1])
            }()),
            ("wrong iss", Self.token(claims: #"{"sub":"\#(Self.user)","iss":"https://other.test","aud":"\#(Self.audience)"}"#)),
            ("wrong aud", Self.token(claims: #"{"sub":"\#(Self.user)","iss":"\#(Self.issuer)","aud":"someone-else"}"#)),
            ("no iss", Self.token(claims: #"{"sub":"\#(Self.user)","aud":"\#(Self.audience)"}"#)),
        ]
        for (name, token) in refused {
            let connection = try LoopbackConnection(port: server.port)
            connection.send(Self.get("/api/users/\(Self.user)", token: token))
            let answer = try #require(connection.readToEOF(within: 60), "\(name)")
            #expect(answer.hasPrefix("HTTP/1.1 401"), "\(name): \(answer)")
        }
        let accepted = try LoopbackConnection(port: server.port)
        accepted.send(Self.get("/api/users/\(Self.user)", token: good))
        #expect(try #require(accepted.readToEOF(within: 60)).hasPrefix("HTTP/1.1 200"))
        // The admin token the banner prints carries the configured iss and aud.
        let lines = server.banner.split(separator: "\n")
        let tokenLine = try #require(lines.firstIndex { $0.hasPrefix("An admin token") }.map { lines[$0 + 1] })
        let printed = try LoopbackConnection(port: server.port)
        printed.send(Self.get("/api/users/\(Self.user)", token: tokenLine.trimmingCharacters(in: .whitespaces)))
        #expect(try #require(printed.readToEOF(within: 60)).hasPrefix("HTTP/1.1 200"))
    }

    @Test func stalledClientsAreClosedAndConnectionsCapped() throws {
        let server = try Server(["--header-timeout", "1", "--body-timeout", "1", "--idle-timeout", "3", "--max-connections", "3"])
        defer { server.stop() }
        // Half-sent headers, and a body that stops: closed after their timeouts (bounds generous).
        let head = try LoopbackConnection(port: server.port)
        head.send("GET /api/users/\(Self.user) HTTP/1.1\r\nHost: local")
        let body = try LoopbackConnection(port: server.port)
        body.send("POST /api/users/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\"")
        #expect(head.readToEOF(within: 30) != nil, "half-sent headers still open")
        #expect(body.readToEOF(within: 30) != nil, "a stalled body still open")

        // The cap: three idle connections are held, a fourth is closed at once.
        let held = try (0..<3).map { _ in try LoopbackConnection(port: server.port) }
        Thread.sleep(forTimeInterval: 0.3)
        let extra = try LoopbackConnection(port: server.port)
        #expect(extra.readToEOF(within: 2.5) == "", "the connection over the cap is closed at once")
        #expect(held.allSatisfy { !$0.isClosedByPeer }, "the held connections are still open")
        // And idle ones go after the idle timeout.
        for connection in held { #expect(connection.readToEOF(within: 30) != nil, "an idle connection still open") }
    }

    @Test func killMinus9FreesThePortAndLeavesNoFunction() throws {
        let server = try Server([])
        let connection = try LoopbackConnection(port: server.port)
        connection.send(Self.get("/api/users/\(Self.user)", token: Self.token(claims: #"{"sub":"\#(Self.user)"}"#)))
        #expect(try #require(connection.readToEOF(within: 60)).hasPrefix("HTTP/1.1 200"))
        let children = server.children
        #expect(!children.isEmpty)
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
        let start = Date()
        var free = false, orphans = children
        while Date().timeIntervalSince(start) < 2, !free || !orphans.isEmpty {
            free = Self.canListen(port: server.port)
            // Gone, or a zombie waiting for its new parent to reap it.
            orphans = orphans.filter { pid in
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { return false }
                return !stat[stat.index(after: close)...].hasPrefix(" Z")
            }
            if !free || !orphans.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(free, "port \(server.port) still taken 2 s after kill -9")
        #expect(orphans.isEmpty, "function processes left: \(orphans)")
    }

    static func canListen(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0 && listen(socket, 1) == 0
    }
}
