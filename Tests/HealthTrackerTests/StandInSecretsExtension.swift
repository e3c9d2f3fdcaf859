import HTTPTestSupport
import NIOHTTP1

/// A stand-in for the AWS Parameters and Secrets Lambda Extension on loopback: answers
/// every request with a fixed status and the current body (`body`, which a test may change,
/// as a rotation does), and records what it was asked.
final class StandInSecretsExtension: Sendable {
    struct Request: Sendable {
        let method: String
        let uri: String
        let token: String?
    }

    private let server: RecordingHTTPServer
    var port: Int { server.port }

    private let status: HTTPResponseStatus

    init(status: HTTPResponseStatus, body: String) async throws {
        self.status = status
        server = try await RecordingHTTPServer(answer: .fixed(status: status, body: body))
    }

    var received: [Request] {
        server.received.map {
            Request(method: $0.method, uri: $0.uri, token: $0.header("X-Aws-Parameters-Secrets-Token"))
        }
    }

    /// The body every later request gets.
    func setBody(_ body: String) {
        server.setAnswer(.fixed(status: status, body: body))
    }

    func shutdown() async throws {
        try await server.shutdown()
    }
}
