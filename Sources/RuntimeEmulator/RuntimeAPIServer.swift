import NIOCore
import NIOPosix
import NIOHTTP1

/// The HTTP side: NIO's HTTP/1.1 server pipeline feeding whole requests to the core.
enum RuntimeAPIServer {
    static func bind(core: EmulatorCore, port: Int, fixedInstanceID: Int?) -> EventLoopFuture<any Channel> {
        ServerBootstrap(group: core.group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                core.state.withLock { $0.acceptedConnections += 1 }
                let connectionID = core.newConnectionID()
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        RuntimeAPIHTTPHandler(core: core, connectionID: connectionID, fixedInstanceID: fixedInstanceID)
                    )
                }
            }
            .bind(host: "127.0.0.1", port: port)
    }
}

