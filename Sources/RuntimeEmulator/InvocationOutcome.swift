/// How a function process ended.
public enum ProcessExit: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    public var description: String {
        switch self {
        case .exited(let status): "exited with status \(status)"
        case .signaled(let signal): "killed by signal \(signal)"
        }
    }
}

/// An error document a function posted (`/invocation/{id}/error` or `/init/error`).
public struct FunctionErrorReport: Sendable, Equatable {
    /// `errorType` from the body, else the `Lambda-Runtime-Function-Error-Type` header.
    public let errorType: String
    public let errorMessage: String
    /// `Lambda-Runtime-Function-Error-Type` as sent.
    public let headerErrorType: String?
    /// The body as sent.
    public let body: [UInt8]

    public init(errorType: String, errorMessage: String, headerErrorType: String?, body: [UInt8]) {
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.headerErrorType = headerErrorType
        self.body = body
    }
}

/// What became of one invocation.
public enum InvocationOutcome: Sendable, Equatable {
    /// The function posted a response.
    case response([UInt8])
    /// The function posted an error for the invocation.
    case functionError(FunctionErrorReport)
    /// The process started for this invocation failed its set-up and exited.
    case initError(FunctionErrorReport, exit: ProcessExit)
    /// The process exited while it held this invocation (or before it could take it).
    case processExited(ProcessExit)
    /// The invocation ran past its timeout; the process was killed.
    case timedOut
    /// The function binary could not be started.
    case launchFailed(String)
    /// The emulator shut down first.
    case emulatorShutDown
}

/// An outcome with the facts a caller reports: which process, cold or warm, how long.
public struct InvocationResult: Sendable {
    public let requestID: String
    public let function: String
    public let outcome: InvocationOutcome
    /// The process that held the invocation, if one took it.
    public let instanceID: Int?
    /// Whether this was the process's first invocation.
    public let coldStart: Bool
    /// For a cold start: spawn to the process's first `next`.
    public let initDuration: Duration?
    /// From handing the invocation to the process to its outcome.
    public let duration: Duration?
    /// For a cold start: spawn to the outcome.
    public let spawnToOutcome: Duration?
    /// From `invoke` to the outcome, queueing and cold start included.
    public let totalDuration: Duration
}

extension InvocationResult {
    /// The response payload, or nil for any other outcome.
    public var responseBytes: [UInt8]? {
        if case .response(let bytes) = outcome { return bytes }
        return nil
    }
}
