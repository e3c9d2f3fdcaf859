/// Why the emulator could not do what it was asked.
public struct RuntimeEmulatorError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case bindFailed
        case unknownFunction
        case shutDown
        case spawnFailed
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
