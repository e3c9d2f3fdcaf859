/// One broken field or parameter: an entry of a problem document's `invalid_params`.
public struct FieldIssue: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    public var description: String { "\(name): \(reason)" }
}
