/// Why a function could not start (an init error), or could not do or report its work
/// outside an HTTP answer (the migrate function's custom-resource events).
public struct FunctionError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// A setting in the environment is missing or invalid.
        case invalidConfiguration
        /// The event is not a CloudFormation custom resource request.
        case badEvent
        /// The application secret names another user than the migration's role.
        case wrongApplicationRole
        /// CloudFormation's response URL did not take the answer.
        case responseNotDelivered
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
