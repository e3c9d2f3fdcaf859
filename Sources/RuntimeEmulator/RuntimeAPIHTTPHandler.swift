import NIOCore
import NIOHTTP1

/// Collects one request at a time (head, body within the size limit, end) and hands it on.
final class RuntimeAPIHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let core: EmulatorCore
    private let connectionID: Int
    private let fixedInstanceID: Int?
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var oversize = false

    init(core: EmulatorCore, connectionID: Int, fixedInstanceID: Int?) {
        self.core = core
        self.connectionID = connectionID
        self.fixedInstanceID = fixedInstanceID
    }

    func channelInactive(context: ChannelHandlerContext) {
        core.connectionClosed(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            oversize = false
        case .body(let buffer):
            if oversize { return }
            if body.count + buffer.readableBytes > core.responseSizeLimit {
                oversize = true
                body = []
            } else {
                body.append(contentsOf: buffer.readableBytesView)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            let request = RuntimeAPIRequest(
                method: head.method, uri: head.uri,
                errorTypeHeader: head.headers.first(name: "Lambda-Runtime-Function-Error-Type"),
                body: body, oversize: oversize, keepAlive: head.isKeepAlive,
                connectionID: connectionID, fixedInstanceID: fixedInstanceID
            )
            body = []
            core.handle(request, on: context.channel)
        }
    }
}
