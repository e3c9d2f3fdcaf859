import NIOCore
import NIOHTTP1

/// Closes a connection whose client stalls: the head must arrive within the header timeout of
/// its first byte, the body within the body timeout of the head, and a connection with no
/// request under way is closed after the idle timeout. No timer runs while the function answers.
///
/// Sits in front of the HTTP decoder, where it sees the first byte of a head; the phase
/// changes it cannot see there come from `GatewayRequestPhases` behind the decoder, as
/// outbound user events.
final class GatewayConnectionTimer: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    enum Phase: Sendable { case idle, head, body, answering }

    /// What `GatewayRequestPhases` reports.
    enum Event: Sendable { case headReceived, requestEnded, responseEnded }

    private let limits: GatewayConnectionLimits
    private var phase = Phase.idle
    private var timer: Scheduled<Void>?

    init(limits: GatewayConnectionLimits) {
        self.limits = limits
    }

    func channelActive(context: ChannelHandlerContext) {
        enter(.idle, context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if phase == .idle { enter(.head, context: context) }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let event = event as? Event else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        switch event {
        case .headReceived: enter(.body, context: context)
        case .requestEnded: enter(.answering, context: context)
        case .responseEnded: enter(.idle, context: context)
        }
        promise?.succeed(())
    }

    private func enter(_ next: Phase, context: ChannelHandlerContext) {
        phase = next
        timer?.cancel()
        let limit: TimeAmount? = switch next {
        case .idle: limits.idleTimeout
        case .head: limits.headerTimeout
        case .body: limits.bodyTimeout
        case .answering: nil
        }
        guard let limit else { timer = nil; return }
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: limit) { channel.close(promise: nil) }
    }
}

/// Behind the HTTP decoder: tells `GatewayConnectionTimer` where a request stands.
final class GatewayRequestPhases: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: context.triggerUserOutboundEvent(GatewayConnectionTimer.Event.headReceived, promise: nil)
        case .end: context.triggerUserOutboundEvent(GatewayConnectionTimer.Event.requestEnded, promise: nil)
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // Before the write: writing the end may hand over the next pipelined request at once.
        if case .end = unwrapOutboundIn(data) {
            context.triggerUserOutboundEvent(GatewayConnectionTimer.Event.responseEnded, promise: nil)
        }
        context.write(data, promise: promise)
    }
}
