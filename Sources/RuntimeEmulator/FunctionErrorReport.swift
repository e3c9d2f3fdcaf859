/// An error document a function posted (`/invocation/{id}/error` or `/init/error`).
public struct FunctionErrorReport: Sendable, Equatable {
    /// `errorType` from the body, else the `Lambda-Runtime-Function-Error-Type` header.
    public let errorType: String
    public let errorMessage: String
    /// `Lambda-Runtime-Function-Error-Type` as sent.
    public let headerErrorType: String?
    /// The body as sent.
    public let body: [UInt8]

    public init(errorType: String, errorMessage: String, headerErrorType: String?, body: [UInt8]) {
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.headerErrorType = headerErrorType
        self.body = body
    }
}
