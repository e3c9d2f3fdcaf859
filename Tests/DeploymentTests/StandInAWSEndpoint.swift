import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// What a function under test reaches over HTTP on AWS, on loopback (SwiftNIO): the
/// Parameters and Secrets extension (`GET /secretsmanager/get?secretId=ID` answers the
/// secret registered under ID) and CloudFormation's pre-signed response URL (any `PUT`
/// answers 200). Records every request with its headers and body.
final class StandInAWSEndpoint: Sendable {
    struct Request: Sendable {
        let method: String
        let uri: String
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let state: State
    let port: Int

    /// - Parameter secrets: secret id -> the secret's own JSON (`SecretString`).
    init(secrets: [String: String]) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let state = State(secrets: secrets)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        self.group = group
        self.channel = channel
        self.state = state
        self.port = channel.localAddress!.port!
    }

    var received: [Request] { state.requests.withLock { $0 } }

    /// The PUTs received so far (CloudFormation answers).
    var puts: [Request] { received.filter { $0.method == "PUT" } }

    func shutdown() async throws {
        try await channel.close()
        try await group.shutdownGracefully()
    }

    private final class State: Sendable {
        let secrets: [String: String]
        let requests = Mutex<[Request]>([])
        init(secrets: [String: String]) { self.secrets = secrets }
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let state: State
        var head: HTTPRequestHead?
        var body: [UInt8] = []

        init(state: State) { self.state = state }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let requestHead):
                head = requestHead
                body = []
            case .body(let buffer):
                body += buffer.readableBytesView
            case .end:
                guard let head else { return }
                let request = Request(
                    method: head.method.rawValue, uri: head.uri,
                    headers: head.headers.map { (name: $0.name, value: $0.value) }, body: body
                )
                state.requests.withLock { $0.append(request) }
                let (status, text) = answer(request)
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Content-Length", value: String(text.utf8.count))
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }

        private func answer(_ request: Request) -> (HTTPResponseStatus, String) {
            if request.method == "PUT" { return (.ok, "") }
            let prefix = "/secretsmanager/get?secretId="
            guard request.method == "GET", request.uri.hasPrefix(prefix),
                  let secret = state.secrets[String(request.uri.dropFirst(prefix.count)).removingPercentEncoding ?? ""]
            else { return (.notFound, "{}") }
            return (.ok, #"{"SecretString":\#(Self.quoted(secret))}"#)
        }

        private static func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }
}
