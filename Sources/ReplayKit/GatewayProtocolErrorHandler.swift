import APIGatewayTesting
import NIOCore
import NIOHTTP1

/// Answers a request NIO's parser could not read, then closes the connection: after a
/// parse error the stream has no request boundary left to resume from, and a client that
/// is told `Connection: close` must see the socket close, not wait on it.
///
/// Replaces NIO's own `HTTPServerProtocolErrorHandler`, which writes the 400 but leaves
/// the channel open. A head too large for the parser answers 431 (it covers the request
/// line too, so a URI too long for the parser lands here as well).
final class GatewayProtocolErrorHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = Never
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// A response has started but not ended: a second one cannot be written.
    private var responseInFlight = false

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !responseInFlight else {
            context.close(promise: nil)
            return
        }
        let response: GatewayResponse = parserError == .headerOverflow ? .headersTooLarge : .badRequest
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        var body = context.channel.allocator.buffer(capacity: response.body.count)
        body.writeBytes(response.body)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head: responseInFlight = true
        case .end: responseInFlight = false
        case .body: break
        }
        context.write(data, promise: promise)
    }
}
