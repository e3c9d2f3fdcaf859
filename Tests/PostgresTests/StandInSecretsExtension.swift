import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A stand-in for the AWS Parameters and Secrets Lambda Extension on loopback: answers
/// every request with a fixed status and the current body (`body`, which a test may change,
/// as a rotation does), and records what it was asked.
final class StandInSecretsExtension: Sendable {
    struct Request: Sendable {
        let method: String
        let uri: String
        let token: String?
    }

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let recorder: Recorder
    let port: Int

    init(status: HTTPResponseStatus, body: String) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let recorder = Recorder()
        recorder.body.withLock { $0 = body }
        let response = Response(status: status, recorder: recorder)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(response: response))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        self.group = group
        self.channel = channel
        self.recorder = recorder
        self.port = channel.localAddress!.port!
    }

    var received: [Request] {
        recorder.requests.withLock { $0 }
    }

    /// The body every later request gets.
    func setBody(_ body: String) {
        recorder.body.withLock { $0 = body }
    }

    func shutdown() async throws {
        try await channel.close()
        try await group.shutdownGracefully()
    }

    private struct Response: Sendable {
        let status: HTTPResponseStatus
        let recorder: Recorder
    }

    private final class Recorder: Sendable {
        let requests = Mutex<[Request]>([])
        let body = Mutex<String>("")
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let response: Response
        var keepAlive = true

        init(response: Response) {
            self.response = response
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                keepAlive = head.isKeepAlive
                let request = Request(
                    method: head.method.rawValue, uri: head.uri,
                    token: head.headers.first(name: "X-Aws-Parameters-Secrets-Token")
                )
                response.recorder.requests.withLock { $0.append(request) }
            case .body:
                break
            case .end:
                let body = response.recorder.body.withLock { $0 }
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Content-Length", value: String(body.utf8.count))
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
