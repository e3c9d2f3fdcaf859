/// One bad parameter or field in a 400 or 422 problem (`invalid_params` item).
public struct InvalidParameter: Sendable, Equatable, Codable {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}
