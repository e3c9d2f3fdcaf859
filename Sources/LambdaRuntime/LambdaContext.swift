public import UTCTime

/// What the Runtime API says about one invocation, and its logger.
public struct LambdaContext: Sendable {
    public let requestID: String
    /// When Lambda stops the invocation (`Lambda-Runtime-Deadline-Ms`).
    public let deadline: Instant
    public let invokedFunctionARN: String
    /// `Lambda-Runtime-Trace-Id`; also exported as `_X_AMZN_TRACE_ID` when the process serves
    /// one invocation at a time (with `AWS_LAMBDA_MAX_CONCURRENCY` above 1, only here).
    public let traceID: String?
    /// `Lambda-Runtime-Client-Context`, as sent (JSON).
    public let clientContext: String?
    /// `Lambda-Runtime-Cognito-Identity`, as sent (JSON).
    public let cognitoIdentity: String?
    public let logger: LambdaLogger
    /// Whether this is the process's first invocation (it paid for the init).
    public internal(set) var isColdStart: Bool = false

    public init(
        requestID: String, deadline: Instant, invokedFunctionARN: String, traceID: String?,
        clientContext: String?, cognitoIdentity: String?, logger: LambdaLogger
    ) {
        self.requestID = requestID
        self.deadline = deadline
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.logger = logger
    }

    /// Time left before the deadline, in milliseconds; negative once it has passed.
    public var remainingMilliseconds: Int64 {
        deadline.millisecondsSinceEpoch - Instant.now().millisecondsSinceEpoch
    }
}
