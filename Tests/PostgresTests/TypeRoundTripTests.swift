import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing
import UTCTime

@Suite("Types round-trip through the server", .tags(.database))
struct TypeRoundTripTests {
    @Test("every type goes in as a parameter and comes back equal, NULLs as nil")
    func everyType() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            try connection.executeScript("""
                CREATE TABLE samples (
                    id uuid PRIMARY KEY, label text, count bigint, flag boolean,
                    value numeric, day date, at timestamptz)
                """)
            let id = UUID()
            let values: [(String, Int, Bool, Decimal, CalendarDate, Instant)] = [
                ("Zoë 🫀 'quoted' \\ back", Int.max, true, Decimal(string: "82.35")!,
                 CalendarDate("2025-06-15")!, Instant(rfc3339: "2025-06-15T12:34:56.789012Z")!),
                ("", Int.min, false, Decimal(string: "-0.000000000000000000000001")!,
                 CalendarDate("0001-01-01")!, Instant(rfc3339: "1969-12-31T23:59:59.5Z")!),
                ("x", 0, true, Decimal(string: "12345678901234567890.123456789")!,
                 CalendarDate("9999-12-31")!, Instant(rfc3339: "2024-02-29T00:00:00+05:30")!),
            ]
            for (label, count, flag, value, day, at) in values {
                let key = UUID()
                try connection.execute(
                    "INSERT INTO samples VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    [key, label, count, flag, value, day, at]
                )
                let row = try #require(try connection.execute(
                    "SELECT id, label, count, flag, value, day, at FROM samples WHERE id = $1", [key]
                ).first)
                #expect(try row.decode(0, as: UUID.self) == key)
                #expect(try row.decode(1, as: String.self) == label)
                #expect(try row.decode(2, as: Int.self) == count)
                #expect(try row.decode(3, as: Bool.self) == flag)
                #expect(try row.decode(4, as: Decimal.self) == value)
                #expect(try row.decode(5, as: CalendarDate.self) == day)
                #expect(try row.decode(6, as: Instant.self) == at)
                #expect(try row.decode("value", as: Decimal.self) == value)
            }

            try connection.execute(
                "INSERT INTO samples VALUES ($1, $2, $3, $4, $5, $6, $7)",
                [id, String?.none, Int?.none, Bool?.none, Decimal?.none, CalendarDate?.none, Instant?.none]
            )
            let row = try #require(try connection.execute("SELECT * FROM samples WHERE id = $1", [id]).first)
            #expect(try row.decode("label", as: String?.self) == nil)
            #expect(try row.decode("count", as: Int?.self) == nil)
            #expect(try row.decode("flag", as: Bool?.self) == nil)
            #expect(try row.decode("value", as: Decimal?.self) == nil)
            #expect(try row.decode("day", as: CalendarDate?.self) == nil)
            #expect(try row.decode("at", as: Instant?.self) == nil)
            #expect(throws: PostgresError.self) { try row.decode("value", as: Decimal.self) }
        }
    }

    @Test("numeric stays exact: 82.35 is 82.35, not the nearest double")
    func numericIsExact() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            let rows = try connection.execute(
                "SELECT $1::numeric, $1::numeric * 3, 0.1::numeric + 0.2::numeric", [Decimal(string: "82.35")!]
            )
            let row = try #require(rows.first)
            #expect(try row.decode(0, as: Decimal.self).description == "82.35")
            #expect(try row.decode(1, as: Decimal.self) == Decimal(string: "247.05")!)
            #expect(try row.decode(2, as: Decimal.self) == Decimal(string: "0.3")!)
        }
    }

    @Test("timestamptz reads as the same instant in any session time zone")
    func instantsInAnyTimeZone() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            let zone = try connection.execute("SELECT current_setting('TimeZone')").first!.decode(0, as: String.self)
            #expect(zone == "UTC" || zone == "Etc/UTC")
            let instant = try #require(Instant(rfc3339: "2025-03-30T01:30:00.25Z"))
            // Offsets with minutes (Kolkata), negative half hours (St John's) and the
            // seconds of local mean time (Amsterdam before 1909).
            for zone in ["Asia/Kolkata", "America/St_Johns", "Europe/Amsterdam"] {
                try connection.execute("SELECT set_config('TimeZone', $1, false)", [zone])
                #expect(try connection.execute("SELECT $1::timestamptz", [instant]).first!.decode(0, as: Instant.self) == instant)
                let old = try #require(Instant(rfc3339: "1900-01-01T00:00:00Z"))
                #expect(try connection.execute("SELECT $1::timestamptz", [old]).first!.decode(0, as: Instant.self) == old)
            }
        }
    }

    @Test("a prepared statement runs many times and again after a reconnect")
    func preparedStatements() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            let statement = PreparedStatement(name: "double_it", sql: "SELECT $1::bigint * 2")
            for value in [1, 21, -5] {
                #expect(try connection.execute(statement, [value]).first!.decode(0, as: Int.self) == value * 2)
            }
            try connection.reconnect()
            #expect(try connection.execute(statement, [50]).first!.decode(0, as: Int.self) == 100)
            let prepared = try connection.execute("SELECT count(*) FROM pg_prepared_statements WHERE name = 'double_it'")
            #expect(try prepared.first!.decode(0, as: Int.self) == 1)
        }
    }

    @Test("a column that does not fit the type is a decoding error, not a crash")
    func decodingErrors() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            let row = try #require(try connection.execute(
                "SELECT 'abc'::text AS text, 99999999999999999999::numeric, 'infinity'::date, 'NaN'::numeric"
            ).first)
            let error = try #require(throws: PostgresError.self) { try row.decode(0, as: Int.self) }
            // The message names the column, never its value (it may be a health measurement).
            #expect(error.code == .decoding && error.message.contains("text") && !error.message.contains("abc"))
            #expect(throws: PostgresError.self) { try row.decode(1, as: Int.self) }
            #expect(throws: PostgresError.self) { try row.decode(2, as: CalendarDate.self) }
            #expect(throws: PostgresError.self) { try row.decode(3, as: Decimal.self) }
            #expect(throws: PostgresError.self) { try row.decode(9, as: String.self) }
            #expect(throws: PostgresError.self) { try connection.execute("SELECT $1::text", ["nul\u{0}byte"]) }
        }
    }
}
