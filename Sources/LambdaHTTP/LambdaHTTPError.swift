/// Errors of the HTTP layer, one flat code each.
public struct LambdaHTTPError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The invocation payload is not an HTTP event of a supported kind.
        case notAnHTTPEvent
        /// `isBase64Encoded` is true but the body is not base64.
        case invalidBase64Body
        /// An `Encodable` value could not be written as JSON.
        case encodingFailed
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
