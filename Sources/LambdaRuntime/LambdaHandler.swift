/// What a function does with one invocation.
///
/// The runtime calls `handle` once per invocation, on one thread, one invocation at a
/// time, so a handler may hold non-Sendable state such as a database connection across
/// invocations. (With `AWS_LAMBDA_MAX_CONCURRENCY` above 1, a `ConcurrentLambdaHandler`
/// gets one such handler per worker; any other handler is still served one at a time.)
public protocol LambdaHandler {
    /// Returns the response payload. A thrown error is reported to the Runtime API as a
    /// function error for this invocation; the process carries on with the next one.
    mutating func handle(_ event: [UInt8], context: LambdaContext) throws -> [UInt8]

    /// Called once on SIGTERM, after the last invocation was answered and before the process
    /// exits 0: close connections (cleanly, so the server is told), flush what is buffered.
    mutating func shutdown()
}

extension LambdaHandler {
    public mutating func shutdown() {}
}
