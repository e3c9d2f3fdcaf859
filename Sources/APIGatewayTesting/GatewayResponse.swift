import FoundationEssentials
import LambdaHTTP
public import RuntimeEmulator

/// The HTTP response API Gateway sends the client.
public struct GatewayResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Set when API Gateway answered itself (no route, auth, or a failed integration).
    public var gatewayError: String?

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8], gatewayError: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.gatewayError = gatewayError
    }

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// API Gateway's own answers: a JSON `message`, as HTTP APIs send them.
    public static func gateway(_ status: Int, _ message: String, reason: String, headers: [(name: String, value: String)] = []) -> GatewayResponse {
        GatewayResponse(
            status: status, headers: [("Content-Type", "application/json")] + headers,
            body: Array("{\"message\":\"\(message)\"}".utf8), gatewayError: reason
        )
    }

    public static let notFound = gateway(404, "Not Found", reason: "no route")
    public static let unauthorized = gateway(401, "Unauthorized", reason: "jwt rejected", headers: [("www-authenticate", "Bearer")])
    public static let payloadTooLarge = gateway(413, "Request Entity Too Large", reason: "body over 10 MB")

    /// What the client gets for an invocation's outcome.
    ///
    /// A function error, a crash, an init failure or a response API Gateway cannot read is
    /// 502; a function past its timeout is 504; a function that could not be started at all
    /// (or the emulator stopping) is 503, as for a throttled or unavailable integration.
    public static func mapping(_ outcome: InvocationOutcome) -> GatewayResponse {
        switch outcome {
        case .response(let payload):
            return fromPayload(payload) ?? gateway(502, "Internal Server Error", reason: "invalid response")
        case .functionError(let posted):
            return gateway(502, "Internal Server Error", reason: "function error \(posted.report.errorType)")
        case .initError(let posted, _):
            return gateway(502, "Internal Server Error", reason: "init error \(posted.report.errorType)")
        case .processExited(let exit):
            return gateway(502, "Internal Server Error", reason: "process \(exit)")
        case .timedOut:
            return gateway(504, "Endpoint request timed out", reason: "function timed out")
        case .launchFailed(let message):
            return gateway(503, "Service Unavailable", reason: "launch failed: \(message)")
        case .emulatorShutDown:
            return gateway(503, "Service Unavailable", reason: "shutting down")
        }
    }

    /// Reads a payload 2.0 response. A JSON value without `statusCode` is a 200 with that
    /// JSON as the body (API Gateway's inference); nil when API Gateway could not use it.
    public static func fromPayload(_ payload: [UInt8]) -> GatewayResponse? {
        guard let document = (try? JSONValue.parse(payload))?.sortingMembers() else { return nil }
        guard let members = document.objectValue, let statusValue = document["statusCode"] else {
            return GatewayResponse(status: 200, headers: [("Content-Type", "application/json")], body: payload)
        }
        guard let status = statusValue.integerValue, (100...599).contains(status) else { return nil }
        var headers: [(name: String, value: String)] = []
        for (name, value) in document["headers"]?.objectValue ?? [] {
            guard let text = value.stringValue ?? (value.integerValue.map(String.init)) else { return nil }
            headers.append((name, text))
        }
        for cookie in document["cookies"]?.arrayValue ?? [] {
            guard let text = cookie.stringValue else { return nil }
            headers.append(("Set-Cookie", text))
        }
        var body: [UInt8] = []
        if let text = document["body"]?.stringValue {
            if document["isBase64Encoded"] == .bool(true) {
                guard let data = Data(base64Encoded: text) else { return nil }
                body = Array(data)
            } else {
                body = Array(text.utf8)
            }
        }
        _ = members
        return GatewayResponse(status: status, headers: headers, body: body)
    }
}
