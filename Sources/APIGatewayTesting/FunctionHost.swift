public import RuntimeEmulator

/// Where a test client's events go: the handler in this process (`InProcessFunctions`) or
/// the real binary under the Runtime API emulator (`ProcessFunctions`).
public protocol FunctionHost: FunctionInvoker {
    /// Delivers one event to a registered function; `timeout` overrides the function's own.
    func invoke(_ event: [UInt8], function: String, timeout: Duration?) async throws -> HostedInvocation
    /// Starts instances until `instances` of the function are warm.
    func prewarm(function: String, instances: Int) async throws
    /// Instances of the function alive now.
    func liveInstanceCount(of function: String) -> Int
}

extension FunctionHost {
    public func outcome(of event: [UInt8], function: String) async throws -> InvocationOutcome {
        try await invoke(event, function: function, timeout: nil).outcome
    }
}

/// One invocation's outcome, under the request id the function saw.
public struct HostedInvocation: Sendable {
    public let requestID: String
    public let outcome: InvocationOutcome

    public init(requestID: String, outcome: InvocationOutcome) {
        self.requestID = requestID
        self.outcome = outcome
    }

    /// The response payload, or nil for any other outcome.
    public var responseBytes: [UInt8]? {
        if case .response(let bytes) = outcome { bytes } else { nil }
    }
}
