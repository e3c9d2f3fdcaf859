public import FoundationEssentials
public import UTCTime

/// A Swift type a column reads into, from PostgreSQL's text format.
public protocol PostgresDecodable {
    static func decode(_ cell: PostgresCell) throws(PostgresError) -> Self
}

extension String: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws(PostgresError) -> String {
        String(decoding: try cell.requireBytes("String"), as: UTF8.self)
    }
}

extension Int: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws(PostgresError) -> Int {
        let bytes = try cell.requireBytes("Int")
        guard let value = PostgresText.integer(bytes) else { throw cell.decodingError("Int") }
        return value
    }
}

extension Int64: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws(PostgresError) -> Int64 {
        Int64(try Int.decode(cell))
    }
}

extension Bool: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws(PostgresError) -> Bool {
        let bytes = try cell.requireBytes("Bool")
        guard bytes.count == 1 else { throw cell.decodingError("Bool") }
        switch bytes[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: throw cell.decodingError("Bool")
        }
    }
}

extension UUID: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws(PostgresError) -> UUID {
        let bytes = try cell.requireBytes("UUID")
        guard let value = UUID(uuidString: String(decoding: bytes, as: UTF8.self)) else {
            throw cell.decodingError("UUID")
        }
        return value
    }
}

extension Decimal: PostgresDecodable {
    /// numeric's text is exact decimal; parsing it directly never passes through a Double.
    public static func decode(_ cell: PostgresCell) throws(PostgresError) -> Decimal {
        let bytes = try cell.requireBytes("Decimal")
        guard let value = Decimal(string: String(decoding: bytes, as: UTF8.self)), !value.isNaN else {
            throw cell.decodingError("Decimal")
        }
        return value
    }
}

extension CalendarDate: PostgresDecodable {
    /// Needs DateStyle ISO, which the connection ensures; `infinity` and BC dates do not read.
    public static func decode(_ cell: PostgresCell) throws(PostgresError) -> CalendarDate {
        let bytes = try cell.requireBytes("CalendarDate")
        guard let value = CalendarDate(String(decoding: bytes, as: UTF8.self)) else {
            throw cell.decodingError("CalendarDate")
        }
        return value
    }
}

extension Instant: PostgresDecodable {
    /// timestamptz in DateStyle ISO, at any session TimeZone: the text carries the offset.
    public static func decode(_ cell: PostgresCell) throws(PostgresError) -> Instant {
        let bytes = try cell.requireBytes("Instant")
        guard let value = PostgresText.timestamptz(bytes) else { throw cell.decodingError("Instant") }
        return value
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws(PostgresError) -> Wrapped? {
        cell.bytes == nil ? nil : try Wrapped.decode(cell)
    }
}
