import NIOCore
import NIOHTTP1
import NIOPosix

/// `replay serve`'s HTTP side: NIO's HTTP/1.1 server on 127.0.0.1, each whole request
/// handed to the gateway and its answer written back; one log line per request.
public final class ReplayServer: Sendable {
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup
    public let port: Int

    public static func start(
        port: Int, gateway: LocalGateway, log: @escaping @Sendable (String) -> Void
    ) async throws -> ReplayServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.backlog, value: 256)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(GatewayHTTPHandler(gateway: gateway, log: log))
                    }
                }
                .bind(host: "127.0.0.1", port: port).get()
            return ReplayServer(channel: channel, group: group, port: channel.localAddress?.port ?? port)
        } catch {
            try? await group.shutdownGracefully()
            throw ReplayError("cannot listen on 127.0.0.1:\(port): \(error)")
        }
    }

    private init(channel: any Channel, group: MultiThreadedEventLoopGroup, port: Int) {
        self.channel = channel
        self.group = group
        self.port = port
    }

    /// Resolves when the listening socket closes.
    public func waitUntilClosed() async throws {
        try await channel.closeFuture.get()
    }

    public func shutdown() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// Collects one request (the pipeline hands them over one at a time) and answers it.
final class GatewayHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let gateway: LocalGateway
    private let log: @Sendable (String) -> Void
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var oversize = false

    init(gateway: LocalGateway, log: @escaping @Sendable (String) -> Void) {
        self.gateway = gateway
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            oversize = false
        case .body(let buffer):
            if oversize { return }
            if body.count + buffer.readableBytes > LocalGateway.maximumBodyBytes {
                oversize = true
                body = []
            } else {
                body.append(contentsOf: buffer.readableBytesView)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            let channel = context.channel
            let remote = channel.remoteAddress
            var request = ClientRequest(
                method: head.method.rawValue, target: head.uri,
                headers: head.headers.map { (name: $0.name, value: $0.value) },
                body: body.isEmpty && !Self.declaresBody(head) ? nil : body
            )
            request.sourceIP = remote?.ipAddress ?? "127.0.0.1"
            request.sourcePort = channel.localAddress?.port ?? 0
            let tooLarge = oversize
            body = []
            let keepAlive = head.isKeepAlive
            let gateway = self.gateway
            let log = self.log
            let job = PendingAnswer(request: request, tooLarge: tooLarge, keepAlive: keepAlive, gateway: gateway, log: log, channel: channel)
            Task { await job.run() }
        }
    }

    private static func declaresBody(_ head: HTTPRequestHead) -> Bool {
        head.headers.contains(name: "content-length") || head.headers.contains(name: "transfer-encoding")
    }

    static func write(_ response: GatewayResponse, keepAlive: Bool, on channel: any Channel) {
        var headers = HTTPHeaders()
        for header in response.headers where header.name.lowercased() != "content-length" {
            headers.add(name: header.name, value: header.value)
        }
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let status = HTTPResponseStatus(statusCode: response.status)
        var buffer = channel.allocator.buffer(capacity: response.body.count)
        buffer.writeBytes(response.body)
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)), promise: nil)
        channel.write(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}

/// One request on its way through the gateway, answered on its channel.
struct PendingAnswer: Sendable {
    let request: ClientRequest
    let tooLarge: Bool
    let keepAlive: Bool
    let gateway: LocalGateway
    let log: @Sendable (String) -> Void
    let channel: any Channel

    func run() async {
        let exchange: LocalGateway.Exchange
        if tooLarge {
            exchange = LocalGateway.Exchange(function: nil, routeKey: nil, response: .payloadTooLarge, coldStart: nil, duration: .zero)
        } else {
            exchange = await gateway.handle(request)
        }
        log(exchange.logLine)
        GatewayHTTPHandler.write(exchange.response, keepAlive: keepAlive && !tooLarge, on: channel)
    }
}
