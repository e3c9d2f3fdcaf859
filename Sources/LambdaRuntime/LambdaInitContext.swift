/// What a function's set-up code gets before the first invocation.
public struct LambdaInitContext: Sendable {
    /// `AWS_LAMBDA_FUNCTION_NAME`, or the executable's name when run outside Lambda.
    public let functionName: String
    /// Logs from set-up carry no request id.
    public let logger: LambdaLogger
    /// The process environment, read once.
    public let environment: [String: String]

    public init(functionName: String, logger: LambdaLogger, environment: [String: String]) {
        self.functionName = functionName
        self.logger = logger
        self.environment = environment
    }

    /// How many invocations the process serves at once: `AWS_LAMBDA_MAX_CONCURRENCY` (Lambda
    /// Managed Instances) within 1...`RuntimeShutdown.maximumWorkers`, 1 when absent or invalid.
    /// Size what the workers share (a connection pool) by it.
    public var maximumConcurrency: Int {
        Self.maximumConcurrency(environment)
    }

    static func maximumConcurrency(_ environment: [String: String]) -> Int {
        let requested = environment["AWS_LAMBDA_MAX_CONCURRENCY"].flatMap { Int($0) } ?? 1
        return min(max(requested, 1), RuntimeShutdown.maximumWorkers)
    }
}
