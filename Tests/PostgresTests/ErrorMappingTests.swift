import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing

@Suite("Server errors map to one small error type", .tags(.database))
struct ErrorMappingTests {
    private func prepare(_ connection: PostgresConnection) throws {
        try connection.executeScript("""
            CREATE TABLE owners (id int PRIMARY KEY);
            CREATE TABLE things (
                owner int NOT NULL REFERENCES owners ON DELETE CASCADE,
                name text NOT NULL,
                size numeric CONSTRAINT things_size_range CHECK (size BETWEEN 0 AND 10),
                CONSTRAINT things_pkey PRIMARY KEY (owner, name));
            INSERT INTO owners VALUES (1);
            INSERT INTO things VALUES (1, 'a', 5);
            """)
    }

    @Test("unique, foreign-key and check violations give 409, 404 and 422 with the constraint")
    func integrityViolations() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            try prepare(connection)
            let insert = "INSERT INTO things (owner, name, size) VALUES ($1, $2, $3)"

            let conflict = try #require(throws: PostgresError.self) { try connection.execute(insert, [1, "a", 1]) }
            #expect(conflict.code == .conflict && conflict.httpStatus == 409)
            #expect(conflict.sqlState == "23505" && conflict.constraint == "things_pkey")

            let missing = try #require(throws: PostgresError.self) { try connection.execute(insert, [2, "b", 1]) }
            #expect(missing.code == .notFound && missing.httpStatus == 404)
            #expect(missing.sqlState == "23503" && missing.constraint == "things_owner_fkey")

            let invalid = try #require(throws: PostgresError.self) { try connection.execute(insert, [1, "c", 11]) }
            #expect(invalid.code == .invalid && invalid.httpStatus == 422)
            #expect(invalid.sqlState == "23514" && invalid.constraint == "things_size_range")
            // The message names the constraint, never the rejected value.
            #expect(!invalid.description.contains("11"))

            let notNull = try #require(throws: PostgresError.self) { try connection.execute(insert, [1, String?.none, 1]) }
            #expect(notNull.code == .invalid && notNull.sqlState == "23502")

            let badQuery = try #require(throws: PostgresError.self) { try connection.execute("SELECT nope FROM things") }
            #expect(badQuery.code == .badQuery && badQuery.httpStatus == 500)

            // After all of that the connection still works and nothing was half-written.
            #expect(try connection.execute("SELECT count(*) FROM things").first!.decode(0, as: Int.self) == 1)
        }
    }

    @Test("SQLSTATEs for lost, shutting-down, starting and timed-out servers mean unavailable (503)")
    func unavailableStates() {
        for state in ["57014", "57P01", "57P02", "57P03", "08006", "08001", "53300", "40001", "40P01"] {
            let code = PostgresError.code(forSQLState: state)
            #expect(code == .unavailable, "\(state)")
            #expect(PostgresError(code: code, message: "", sqlState: state).isRetryable)
        }
        #expect(PostgresError(code: .unavailable, message: "").httpStatus == 503)
        #expect(PostgresError.code(forSQLState: "22P02") == .invalid)
        #expect(PostgresError.code(forSQLState: "XX000") == .other)
    }

    @Test("a server that cannot be reached is unavailable")
    func cannotConnect() throws {
        // Port 1 on loopback: nothing listens there.
        let configuration = PostgresConfiguration(
            connectionString: "postgresql://postgres@127.0.0.1:1/postgres?connect_timeout=2", applicationName: "tests"
        )
        let error = try #require(throws: PostgresError.self) { try PostgresConnection(configuration: configuration) }
        #expect(error.code == .unavailable && error.isRetryable)
    }

    @Test("a transaction rolls back when its body throws and leaves the connection usable")
    func transactionRollsBack() async throws {
        struct Abort: Error {}
        try await withTestDatabase { database in
            let connection = try database.connect()
            try prepare(connection)
            #expect(throws: Abort.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO things VALUES (1, 'b', 1)")
                    throw Abort()
                }
            }
            #expect(!connection.isInTransaction)

            // A failed statement the body swallows still rolls everything back.
            #expect(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO things VALUES (1, 'c', 1)")
                    _ = try? connection.execute("INSERT INTO things VALUES (1, 'a', 1)")
                }
            }
            #expect(!connection.isInTransaction)

            let committed = try connection.transaction(readOnly: false, isolation: .serializable) { connection in
                try connection.execute("INSERT INTO things VALUES (1, 'd', 1)").affectedRows
            }
            #expect(committed == 1)
            let names = try connection.execute("SELECT name FROM things ORDER BY name").map { try $0.decode(0, as: String.self) }
            #expect(names == ["a", "d"])

            let readOnly = try #require(throws: PostgresError.self) {
                try connection.transaction(readOnly: true) { try $0.execute("DELETE FROM things") }
            }
            #expect(readOnly.sqlState == "25006")
            #expect(!connection.isInTransaction)
        }
    }
}
