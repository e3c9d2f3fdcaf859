import NIOCore
import NIOHTTP1

/// Collects one request at a time (head, body within the size limit, end) and hands it on.
final class RuntimeAPIHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let core: EmulatorCore
    private let connectionID: Int
    private let fixedInstanceID: Int?
    private var collector = HTTPRequestCollector()

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
        guard let part = collector.add(unwrapInboundIn(data), limit: core.responseSizeLimit) else { return }
        let request = RuntimeAPIRequest(
            method: part.head.method, uri: part.head.uri,
            errorTypeHeader: part.head.headers.first(name: "Lambda-Runtime-Function-Error-Type"),
            body: part.body, oversize: part.oversize, keepAlive: part.head.isKeepAlive,
            connectionID: connectionID, fixedInstanceID: fixedInstanceID
        )
        core.handle(request, on: context.channel)
    }
}
