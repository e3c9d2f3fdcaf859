/// A snapshot of one function process the emulator started.
public struct InstanceInfo: Sendable {
    public let id: Int
    public let function: String
    /// Nil until spawned.
    public let pid: Int32?
    /// The `AWS_LAMBDA_RUNTIME_API` value the process got.
    public let runtimeAPI: String?
    /// Has asked for its first invocation.
    public let isReady: Bool
    public let exit: ProcessExit?
    public let invocationsServed: Int
    /// Distinct TCP connections its requests came on.
    public let connectionsUsed: Int
    /// Spawn to first `next`.
    public let initDuration: Duration?

    public var isAlive: Bool { exit == nil }
}
