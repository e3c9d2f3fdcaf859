/// One invocation as `GET /runtime/invocation/next` delivers it.
public struct RuntimeInvocation: Sendable {
    /// `Lambda-Runtime-Aws-Request-Id`.
    public let requestID: String
    /// `Lambda-Runtime-Deadline-Ms`: epoch milliseconds.
    public let deadlineMilliseconds: Int64
    /// `Lambda-Runtime-Invoked-Function-Arn`.
    public let invokedFunctionARN: String
    /// `Lambda-Runtime-Trace-Id`.
    public let traceID: String?
    /// `Lambda-Runtime-Client-Context`.
    public let clientContext: String?
    /// `Lambda-Runtime-Cognito-Identity`.
    public let cognitoIdentity: String?
    /// The event payload, as sent.
    public let event: [UInt8]

    public init(
        requestID: String, deadlineMilliseconds: Int64, invokedFunctionARN: String, traceID: String?,
        clientContext: String?, cognitoIdentity: String?, event: [UInt8]
    ) {
        self.requestID = requestID
        self.deadlineMilliseconds = deadlineMilliseconds
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.event = event
    }
}
