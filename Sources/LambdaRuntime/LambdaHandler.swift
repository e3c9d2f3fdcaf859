/// What a function does with one invocation.
///
/// The runtime calls `handle` once per invocation, on one thread, one invocation at a
/// time (Lambda never overlaps invocations in a process), so a handler may hold
/// non-Sendable state such as a database connection across invocations.
public protocol LambdaHandler {
    /// Returns the response payload. A thrown error is reported to the Runtime API as a
    /// function error for this invocation; the process carries on with the next one.
    mutating func handle(_ event: [UInt8], context: LambdaContext) throws -> [UInt8]
}
