/// What became of one invocation.
public enum InvocationOutcome: Sendable, Equatable {
    /// The function posted a response.
    case response([UInt8])
    /// The function posted an error for the invocation.
    case functionError(PostedError)
    /// The process started for this invocation failed its set-up and exited.
    case initError(PostedError, exit: ProcessExit)
    /// The process exited while it held this invocation (or before it could take it).
    case processExited(ProcessExit)
    /// The invocation ran past its timeout; the process was killed.
    case timedOut
    /// The function binary could not be started.
    case launchFailed(String)
    /// The emulator shut down first.
    case emulatorShutDown
}

