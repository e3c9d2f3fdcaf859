/// Why a function could not start; reported to the Runtime API as an init error.
public struct FunctionSetupError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case invalidConfiguration
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
