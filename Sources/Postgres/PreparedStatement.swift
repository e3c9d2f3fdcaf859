/// A statement prepared once per connection (and again after a reconnect) under its name.
///
/// Declare these as static constants for the hot queries; the name must be unique in the process.
public struct PreparedStatement: Sendable, Hashable {
    public let name: String
    public let sql: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}
