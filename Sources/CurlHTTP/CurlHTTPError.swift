/// A transfer that did not produce an HTTP response.
public struct CurlHTTPError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The handle could not be created or configured.
        case setup
        /// No TCP connection: refused, unreachable, or the connect timeout passed.
        case couldNotConnect
        /// The whole-transfer timeout passed.
        case timedOut
        /// The connection broke while sending or receiving.
        case connectionLost
        /// Anything else libcurl reports.
        case other
    }

    public let code: Code
    /// libcurl's own description, with the numeric code.
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// Whether sending the same request again may work.
    public var isTransient: Bool {
        code != .setup
    }

    public var description: String { "\(code): \(message)" }
}
