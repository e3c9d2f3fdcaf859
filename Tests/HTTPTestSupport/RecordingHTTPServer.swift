import NIOCore
public import NIOHTTP1
import NIOPosix
import Synchronization

/// A loopback HTTP/1.1 server (SwiftNIO) for tests of HTTP clients: records each request
/// whole and answers it with an `X-Method` header naming the method and either the
/// request's body echoed back (200), a fixed JSON answer, or one computed per request.
public final class RecordingHTTPServer: Sendable {
    public struct Request: Sendable {
        public let method: String
        public let uri: String
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]

        /// The first header with this name, compared case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    public enum Answer: Sendable {
        /// 200 with the request's body.
        case echo
        /// This status and JSON body, whatever was asked.
        case fixed(status: HTTPResponseStatus, body: String)
        /// A status and JSON body chosen for each request.
        case computed(@Sendable (Request) -> (status: HTTPResponseStatus, body: String))
    }

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let recorder: Recorder
    public let port: Int

    public init(answer: Answer = .echo) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let recorder = Recorder(answer: answer)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(recorder: recorder))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        self.group = group
        self.channel = channel
        self.recorder = recorder
        self.port = channel.localAddress!.port!
    }

    public var received: [Request] {
        recorder.requests.withLock { $0 }
    }

    /// What every later request gets (a rotated secret, say).
    public func setAnswer(_ answer: Answer) {
        recorder.answer.withLock { $0 = answer }
    }

    /// TCP connections accepted so far.
    public var connections: Int {
        recorder.connections.withLock { $0 }
    }

    public func shutdown() async throws {
        try await channel.close()
        try await group.shutdownGracefully()
    }

    private final class Recorder: Sendable {
        let answer: Mutex<Answer>
        let requests = Mutex<[Request]>([])
        let connections = Mutex(0)

        init(answer: Answer) {
            self.answer = Mutex(answer)
        }
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let recorder: Recorder
        var head: HTTPRequestHead?
        var body: [UInt8] = []

        init(recorder: Recorder) {
            self.recorder = recorder
        }

        func channelActive(context: ChannelHandlerContext) {
            recorder.connections.withLock { $0 += 1 }
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = []
            case .body(var buffer):
                body += buffer.readBytes(length: buffer.readableBytes) ?? []
            case .end:
                guard let head else { return }
                let request = Request(
                    method: head.method.rawValue, uri: head.uri,
                    headers: head.headers.map { ($0.name, $0.value) }, body: body
                )
                recorder.requests.withLock { $0.append(request) }
                var headers = HTTPHeaders()
                headers.add(name: "X-Method", value: request.method)
                let status: HTTPResponseStatus
                let answer: [UInt8]
                switch recorder.answer.withLock({ $0 }) {
                case .echo:
                    (status, answer) = (.ok, body)
                case .fixed(let fixedStatus, let fixedBody):
                    (status, answer) = (fixedStatus, Array(fixedBody.utf8))
                    headers.add(name: "Content-Type", value: "application/json")
                case .computed(let compute):
                    let (computedStatus, computedBody) = compute(request)
                    (status, answer) = (computedStatus, Array(computedBody.utf8))
                    headers.add(name: "Content-Type", value: "application/json")
                }
                headers.add(name: "Content-Length", value: String(answer.count))
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: answer)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
