public import RuntimeEmulator

/// What delivers one event to a named function and answers how it ended: any `FunctionHost`,
/// or a peer implementation of the Runtime API that we did not write (replay's
/// `PeerRuntimeInvoker`).
public protocol FunctionInvoker: Sendable {
    func outcome(of event: [UInt8], function: String) async throws -> InvocationOutcome
    func shutdown() async
}
