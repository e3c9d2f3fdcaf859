#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// `replay serve`'s HTTP side: NIO's HTTP/1.1 server on 127.0.0.1, each whole request
/// handed to the gateway and its answer written back; one log line per request.
public final class ReplayServer: Sendable {
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup
    public let port: Int

    public static func start(
        port: Int, gateway: LocalGateway, limits: GatewayConnectionLimits = .defaults,
        log: @escaping @Sendable (String) -> Void
    ) async throws -> ReplayServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let open = Mutex(0)
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.backlog, value: 256)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    let admitted = open.withLock { count in
                        guard count < limits.maximumConnections else { return false }
                        count += 1
                        return true
                    }
                    guard admitted else {
                        log("- connection refused: \(limits.maximumConnections) open (--max-connections)")
                        return channel.close()
                    }
                    channel.closeFuture.whenComplete { _ in open.withLock { $0 -= 1 } }
                    return channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(GatewayConnectionTimer(limits: limits))
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                            withErrorHandling: false, withEncoderConfiguration: .init(),
                            withDecoderLimitConfiguration: GatewayRequestLimits.parserLimits)
                        try channel.pipeline.syncOperations.addHandler(GatewayRequestPhases())
                        try channel.pipeline.syncOperations.addHandler(GatewayProtocolErrorHandler())
                        try channel.pipeline.syncOperations.addHandler(GatewayHTTPHandler(gateway: gateway, log: log))
                    }
                }
                .bind(host: "127.0.0.1", port: port).get()
            return ReplayServer(channel: channel, group: group, port: channel.localAddress?.port ?? port)
        } catch {
            try? await group.shutdownGracefully()
            throw ReplayError(.listenFailed, "cannot listen on 127.0.0.1:\(port): \(listenFailure(error))")
        }
    }

    /// "Address already in use": the system's words for an errno, since NIO's own description
    /// names the internal call and carries a stray parenthesis.
    static func listenFailure(_ error: any Error) -> String {
        guard let error = error as? IOError, let text = strerror(error.errnoCode) else { return "\(error)" }
        return String(cString: text)
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
