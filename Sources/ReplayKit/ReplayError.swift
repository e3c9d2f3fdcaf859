/// Why replay could not do what it was asked; the message is for the user.
public struct ReplayError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case invalidOption
        case missingBinary
        case fileAccess
        case invalidReplayFile
        case listenFailed
        /// A function zip failed `replay smoke`.
        case smokeFailed
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
