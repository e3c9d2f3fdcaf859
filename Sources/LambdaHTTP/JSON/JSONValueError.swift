/// A text that is not one complete, strict JSON value.
public struct JSONValueError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// Not RFC 8259 JSON.
        case malformed
        /// Nested deeper than the caller allows.
        case tooDeep
        /// An object names a member twice; `member` is the name.
        case duplicateMember
    }

    public let code: Code
    public let message: String
    /// The member name given twice (`duplicateMember`).
    public let member: String?

    public init(code: Code, message: String, member: String? = nil) {
        self.code = code
        self.message = message
        self.member = member
    }

    public var description: String { "\(code): \(message)" }
}
