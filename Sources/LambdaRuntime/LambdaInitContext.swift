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
}
