import APIGatewayTesting
import NIOCore
import NIOHTTP1
import RuntimeEmulator

/// Collects one request (the pipeline hands them over one at a time) and answers it.
final class GatewayHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let gateway: LocalGateway
    private let log: @Sendable (String) -> Void
    private var collector = HTTPRequestCollector()

    init(gateway: LocalGateway, log: @escaping @Sendable (String) -> Void) {
        self.gateway = gateway
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let part = collector.add(unwrapInboundIn(data), limit: LocalGateway.maximumBodyBytes) else { return }
        let head = part.head
        let channel = context.channel
        if let refusal = GatewayRequestLimits.refusal(head) {
            log("- \(head.method.rawValue) - \(refusal.status) (\(refusal.gatewayError ?? "refused"))")
            Self.write(refusal, keepAlive: false, on: channel)
            return
        }
        let remote = channel.remoteAddress
        var request = ClientRequest(
            method: head.method.rawValue, target: head.uri,
            headers: head.headers.map { (name: $0.name, value: $0.value) },
            body: part.body.isEmpty && !Self.declaresBody(head) ? nil : part.body
        )
        request.sourceIP = remote?.ipAddress ?? "127.0.0.1"
        request.serverPort = channel.localAddress?.port ?? 0
        let keepAlive = head.isKeepAlive
        let gateway = self.gateway
        let log = self.log
        let job = PendingAnswer(
            request: request, tooLarge: part.oversize, keepAlive: keepAlive, headOnly: head.method == .HEAD,
            gateway: gateway, log: log, channel: channel)
        Task { await job.run() }
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
