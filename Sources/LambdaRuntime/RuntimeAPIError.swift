/// A Runtime API exchange that did not go as the protocol says.
public struct RuntimeAPIError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// `AWS_LAMBDA_RUNTIME_API` is missing or not a usable endpoint.
        case invalidEndpoint
        /// No HTTP answer: refused, dropped or timed out (worth retrying).
        case unreachable
        /// The Runtime API answered with a status other than the expected one.
        case rejected
        /// A `next` answer without the headers an invocation needs.
        case invalidInvocation
    }

    public let code: Code
    /// The HTTP status for `.rejected`.
    public let status: Int?
    public let message: String

    public init(code: Code, status: Int? = nil, message: String) {
        self.code = code
        self.status = status
        self.message = message
    }

    public var description: String {
        if let status { return "\(code) (HTTP \(status)): \(message)" }
        return "\(code): \(message)"
    }
}
