public import FoundationEssentials
public import UTCTime

/// A field's value as it goes to a database column: what a PATCH sets, what a key compares.
public enum ColumnValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case decimal(Decimal)
    case integer(Int)
    case text(String)
    case date(CalendarDate)
    case instant(Instant)
    case uuid(UUID)

    /// The value as text for a parameterised query (`$n`); nil for SQL NULL.
    public var parameterText: String? {
        switch self {
        case .null: nil
        case .decimal(let value): value.description
        case .integer(let value): String(value)
        case .text(let value): value
        case .date(let value): value.description
        case .instant(let value): value.rfc3339
        case .uuid(let value): value.uuidString.lowercased()
        }
    }

    public var description: String { parameterText ?? "null" }
}
