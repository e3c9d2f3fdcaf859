public import RuntimeEmulator

/// What `replay run` delivers events through: our own Runtime API emulator, or a peer
/// implementation of the Runtime API that we did not write (`PeerRuntimeInvoker`).
public protocol FunctionInvoker: Sendable {
    /// Delivers one event to `function` (`NAME`, or `NAME@none` for `AUTH_MODE=none`).
    func invoke(_ payload: [UInt8], function: String) async throws -> InvocationOutcome
    func shutdown() async
}
