import NIOCore
import NIOHTTP1

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
            request.serverPort = channel.localAddress?.port ?? 0
            let tooLarge = oversize
            body = []
            let keepAlive = head.isKeepAlive
            let gateway = self.gateway
            let log = self.log
            let job = PendingAnswer(
                request: request, tooLarge: tooLarge, keepAlive: keepAlive, headOnly: head.method == .HEAD,
                gateway: gateway, log: log, channel: channel)
            Task { await job.run() }
        }
    }

    private static func declaresBody(_ head: HTTPRequestHead) -> Bool {
        head.headers.contains(name: "content-length") || head.headers.contains(name: "transfer-encoding")
    }

    /// - Parameter headOnly: a HEAD request: the headers (with the length the body would have), no body.
    static func write(_ response: GatewayResponse, keepAlive: Bool, headOnly: Bool = false, on channel: any Channel) {
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
        if !headOnly { channel.write(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil) }
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}
