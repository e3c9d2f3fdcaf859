import NIOCore

/// How long `replay serve` waits on a client and how many it serves at once, as a front door
/// does: a client that stalls or hoards connections cannot hold the gateway's resources.
public struct GatewayConnectionLimits: Sendable {
    /// From a request's first byte to the end of its head (request line and headers).
    var headerTimeout: TimeAmount
    /// From the end of the head to the end of the body.
    var bodyTimeout: TimeAmount
    /// With no request under way: after the connection opens, or after the last answer.
    var idleTimeout: TimeAmount
    /// Open client connections at most; one more is closed as soon as it is accepted.
    public var maximumConnections: Int

    /// `replay serve`'s defaults (its --help and docs/replay.md give them too).
    public static let defaults = GatewayConnectionLimits(
        headerTimeoutSeconds: 10, bodyTimeoutSeconds: 30, idleTimeoutSeconds: 60, maximumConnections: 256
    )

    public init(headerTimeoutSeconds: Double, bodyTimeoutSeconds: Double, idleTimeoutSeconds: Double, maximumConnections: Int) {
        headerTimeout = .nanoseconds(Int64(headerTimeoutSeconds * 1e9))
        bodyTimeout = .nanoseconds(Int64(bodyTimeoutSeconds * 1e9))
        idleTimeout = .nanoseconds(Int64(idleTimeoutSeconds * 1e9))
        self.maximumConnections = maximumConnections
    }
}
