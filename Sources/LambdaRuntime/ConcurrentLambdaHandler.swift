/// A handler that can serve several invocations at once, as Lambda Managed Instances ask
/// (`AWS_LAMBDA_MAX_CONCURRENCY` above 1).
///
/// Each worker thread runs a handler of its own, made once by `forWorker()` from the one the
/// init built, one invocation at a time as ever; what the copies share (a connection pool,
/// say) must be safe to use from several threads, hence `Sendable`.
public protocol ConcurrentLambdaHandler: LambdaHandler, Sendable {
    /// The handler for one more worker.
    func forWorker() -> Self
}

extension ConcurrentLambdaHandler {
    /// A copy of the value: enough when nothing in it is per invocation.
    public func forWorker() -> Self { self }
}
