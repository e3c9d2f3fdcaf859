import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket listening on 127.0.0.1 that never accepts: the kernel completes connections
/// into its backlog, so a client connects and then waits for an answer that never comes,
/// as with a stalled server or a network that stopped forwarding.
public final class TCPListener {
    private var descriptor: Int32
    public let port: Int

    public init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 16) == 0 else {
            throw POSIXError(.EADDRINUSE)
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    public func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }

    deinit { close() }

    /// Whether a client has connected (the kernel completed the handshake into the backlog)
    /// within `milliseconds`; the connection is accepted and closed.
    public func clientConnected(within milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        let client = accept(self.descriptor, nil, nil)
        guard client >= 0 else { return false }
        _ = Glibc.close(client)
        return true
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed), as for a server that is down.
    public static func closedPort() throws -> Int {
        let listener = try TCPListener()
        defer { listener.close() }
        return listener.port
    }
}
