/// An outcome with the facts a caller reports: which process, cold or warm, how long.
public struct InvocationResult: Sendable {
    public let requestID: String
    public let function: String
    public let outcome: InvocationOutcome
    /// The process that held the invocation, if one took it.
    public let instanceID: Int?
    /// Whether the invocation waited for its process to start (the process's first
    /// invocation, and the process was not ready before it arrived).
    public let coldStart: Bool
    /// For a cold start: spawn to the process's first `next`.
    public let initDuration: Duration?
    /// From handing the invocation to the process to its outcome.
    public let duration: Duration?
    /// For a cold start: spawn to the outcome.
    public let spawnToOutcome: Duration?
    /// From `invoke` to the outcome, queueing and cold start included.
    public let totalDuration: Duration
    /// For a cold start: the CPU time all the process's threads had used when the outcome
    /// arrived (exec to first response, read from `/proc/PID/task/*/schedstat`).
    public var cpuTimeToOutcome: Duration? = nil
}

extension InvocationResult {
    /// The response payload, or nil for any other outcome.
    public var responseBytes: [UInt8]? {
        if case .response(let bytes) = outcome { return bytes }
        return nil
    }
}
