/// A text that is not one complete JSON value.
public struct JSONValueError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case malformed
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
