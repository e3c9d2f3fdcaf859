import Essentials
import Foundation
import HTTPTestSupport
import NIOHTTP1

/// What a function under test reaches over HTTP on AWS, on loopback: the Parameters and
/// Secrets extension (`GET /secretsmanager/get?secretId=ID` answers the secret registered
/// under ID) and CloudFormation's pre-signed response URL (any `PUT` answers 200). Records
/// every request with its headers and body.
final class StandInAWSEndpoint: Sendable {
    typealias Request = RecordingHTTPServer.Request

    private let server: RecordingHTTPServer
    var port: Int { server.port }

    /// - Parameter secrets: secret id -> the secret's own JSON (`SecretString`).
    init(secrets: [String: String]) async throws {
        server = try await RecordingHTTPServer(answer: .computed { request in Self.answer(request, secrets: secrets) })
    }

    var received: [Request] { server.received }

    /// The PUTs received so far (CloudFormation answers).
    var puts: [Request] { received.filter { $0.method == "PUT" } }

    func shutdown() async throws {
        try await server.shutdown()
    }

    private static func answer(_ request: Request, secrets: [String: String]) -> (status: HTTPResponseStatus, body: String) {
        if request.method == "PUT" { return (.ok, "") }
        let prefix = "/secretsmanager/get?secretId="
        // "&refreshNow=true" (bypassing the extension's cache) reads the same secret.
        let id = request.uri.dropFirst(prefix.count).prefix(while: { $0 != "&" })
        guard request.method == "GET", request.uri.hasPrefix(prefix),
              let secret = secrets[String(id).removingPercentEncoding ?? ""]
        else { return (.notFound, "{}") }
        return (.ok, #"{"SecretString":\#(JSONWriter.quoted(secret))}"#)
    }
}
