public import FoundationEssentials
public import UTCTime

/// A Swift value sent as a statement parameter, in PostgreSQL's text format.
public protocol PostgresEncodable {
    /// The text form, or nil for SQL NULL.
    var postgresText: String? { get }
}

extension String: PostgresEncodable {
    public var postgresText: String? { self }
}

extension Int: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int64: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Bool: PostgresEncodable {
    public var postgresText: String? { self ? "t" : "f" }
}

extension UUID: PostgresEncodable {
    public var postgresText: String? { uuidString.lowercased() }
}

extension Decimal: PostgresEncodable {
    /// Decimal's description is exact plain notation (`82.35`), which numeric reads as is.
    public var postgresText: String? { isNaN ? "NaN" : description }
}

extension CalendarDate: PostgresEncodable {
    public var postgresText: String? { description }
}

extension Instant: PostgresEncodable {
    /// RFC 3339 with `Z`: the server reads the offset, whatever the session's TimeZone.
    public var postgresText: String? { rfc3339 }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresText: String? { self?.postgresText }
}
