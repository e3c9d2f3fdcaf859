import Essentials
import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing
import UTCTime

@Suite("The process's session: reconnects, safe retries, deadlines", .tags(.database))
struct SessionTests {
    static func deadline(in milliseconds: Int64) -> Instant {
        Instant.now().adding(microseconds: milliseconds * 1000)
    }

    /// Ends a backend from another connection, as a failover or an idle timeout would.
    private func terminate(_ pid: Int, in database: TestDatabase) throws {
        let admin = try database.connect(applicationName: "terminator")
        let done = try admin.execute("SELECT pg_terminate_backend($1, 5000)", [pid]).first!.decode(0, as: Bool.self)
        #expect(done)
    }

    /// Waits until `pid` is running a statement, then ends it. The victim's statement
    /// sleeps far longer than this can take, so the kill always lands mid-statement.
    private static func terminateWhileActive(_ pid: Int, in database: TestDatabase) throws {
        let admin = try database.connect(applicationName: "terminator")
        for _ in 0..<2000 {
            let active = try admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND state = 'active' AND query LIKE '%pg_sleep%'", [pid]
            ).first!.decode(0, as: Int.self)
            if active == 1 {
                let done = try admin.execute("SELECT pg_terminate_backend($1, 5000)", [pid]).first!.decode(0, as: Bool.self)
                guard done else { throw PostgresError(code: .other, message: "backend \(pid) was not terminated") }
                return
            }
            try admin.execute("SELECT pg_sleep(0.01)")
        }
        throw PostgresError(code: .other, message: "backend \(pid) never ran its statement")
    }

    @Test("after the server closes an idle connection, the next query and write succeed")
    func reconnectsAfterIdleClose() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(configuration: database.configuration(applicationName: "users"))
            let first = try session.open()
            try first.executeScript("CREATE TABLE notes (body text)")
            let pid = first.backendPID
            try terminate(pid, in: database)

            // A write is safe here: the closed connection is noticed before anything is sent.
            let written = try session.run(.readWrite) { try $0.execute("INSERT INTO notes VALUES ('after')").affectedRows }
            #expect(written == 1)
            let name = try session.run(.readOnly) { connection in
                (connection.backendPID, try connection.execute("SELECT current_setting('application_name')").first!.decode(0, as: String.self))
            }
            #expect(name.0 != pid)
            #expect(name.1 == "users")
            // A healthy idle connection is kept: the next unit runs on the same backend.
            #expect(try session.run(.readOnly) { $0.backendPID } == name.0)
        }
    }

    @Test("a read-only unit broken mid-statement runs again on a new connection")
    func retriesReadOnly() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(configuration: database.configuration())
            let pid = try session.open().backendPID
            let killer = try #require(SystemThread { Result { try Self.terminateWhileActive(pid, in: database) } })
            var attempts = 0
            let value = try session.run(.readOnly) { connection in
                attempts += 1
                // The first attempt waits to be killed; the retry answers at once.
                return try connection.execute("SELECT 7 FROM pg_sleep($1)", [attempts == 1 ? 60 : 0]).first!.decode(0, as: Int.self)
            }
            try killer.join().get()
            #expect(value == 7)
            #expect(attempts == 2)
        }
    }

    @Test("a write broken mid-statement is not run again: 503, and the next unit works")
    func doesNotRetryWrites() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(configuration: database.configuration())
            let setup = try session.open()
            try setup.executeScript("CREATE TABLE notes (body text)")
            let pid = setup.backendPID
            let killer = try #require(SystemThread { Result { try Self.terminateWhileActive(pid, in: database) } })
            var attempts = 0
            let error = try #require(throws: PostgresError.self) {
                try session.transaction { connection in
                    attempts += 1
                    try connection.execute("INSERT INTO notes SELECT 'x' FROM pg_sleep(60)")
                }
            }
            try killer.join().get()
            #expect(attempts == 1)
            #expect(error.code == .unavailable && error.connectionLost && error.isRetryable && error.outcomeUnknown)
            let count = try session.run(.readOnly) { try $0.execute("SELECT count(*) FROM notes").first!.decode(0, as: Int.self) }
            #expect(count == 0)
        }
    }

    @Test("statement_timeout follows the remaining time; a slow statement ends as a retryable timeout")
    func statementTimeout() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(configuration: database.configuration(), marginMilliseconds: 500)
            let error = try #require(throws: PostgresError.self) {
                // 900 ms left, 500 ms kept for answering: 400 ms, rounded down to the 250 ms step.
                try session.run(.readOnly, deadline: Self.deadline(in: 900)) { try $0.execute("SELECT pg_sleep(5)") }
            }
            #expect(error.code == .unavailable && error.isTimeout && !error.connectionLost)
            #expect(error.httpStatus == 503)

            let shown = try session.run(.readOnly, deadline: Self.deadline(in: 900)) {
                try $0.execute("SHOW statement_timeout").first!.decode(0, as: String.self)
            }
            #expect(shown == "250ms")
            #expect(throws: PostgresError.self) { try session.run(.readOnly, deadline: Self.deadline(in: 520)) { _ in 1 } }
        }
    }

    @Test("statement_timeout is set again only when the rounded deadline changes")
    func timeoutSetOnlyOnChange() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(configuration: database.configuration(), marginMilliseconds: 500, timeoutStepMilliseconds: 250)
            #expect(try session.statementTimeout(remainingMilliseconds: 10_000) == 9500)
            #expect(try session.statementTimeout(remainingMilliseconds: 9_999) == 9250)
            #expect(try session.statementTimeout(remainingMilliseconds: 600) == 100)

            let show = { (connection: PostgresConnection) in try connection.execute("SHOW statement_timeout").first!.decode(0, as: String.self) }
            #expect(try session.run(.readOnly, deadline: Self.deadline(in: 9_900), show) == "9250ms")
            // Changed behind the session's back: a deadline in the same step sends no SET,
            // so the server keeps this value; one in another step sets it again.
            try session.run(.readWrite) { try $0.execute("SET statement_timeout = '1min'") }
            #expect(try session.run(.readOnly, deadline: Self.deadline(in: 9_890), show) == "1min")
            #expect(try session.run(.readOnly, deadline: Self.deadline(in: 5_140), show) == "4500ms")
        }
    }

    static let twoMigrations = [
        Migration(version: 1, name: "first", sql: "CREATE TABLE a (id int)"),
        Migration(version: 2, name: "second", sql: "CREATE TABLE b (id int)"),
    ]

    @Test("a database schema too old fails the check, naming the missing version")
    func schemaTooOld() async throws {
        let migrations = Self.twoMigrations
        try await withTestDatabase(migrations: Array(migrations.prefix(1))) { database in
            let session = PostgresSession(configuration: database.configuration(applicationName: "health_score"))
            session.requireSchema(Migrator(migrations: migrations))
            let error = try #require(throws: PostgresError.self) { try session.run(.readOnly) { _ in } }
            #expect(error.code == .schemaOutdated)
            #expect(error.message.contains("version 1"))
            #expect(error.message.contains("2 (second)"))
            let current = PostgresSession(configuration: database.configuration(applicationName: "health_score"))
            current.requireSchema(Migrator(migrations: Array(migrations.prefix(1))))
            try current.run(.readOnly) { _ in }
        }
    }

    @Test("a database never migrated (no schema_migrations) is at version 0, and the connection stays usable")
    func neverMigrated() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            let error = #expect(throws: PostgresError.self) { try Migrator(migrations: Self.twoMigrations).checkSchema(connection) }
            #expect(error?.code == .schemaOutdated && error?.message.contains("version 0") == true)
            #expect(try connection.execute("SELECT 1").first!.decode(0, as: Int.self) == 1)
        }
    }

    @Test("requireSchema checks on the first connection: a unit on an old schema fails with schemaOutdated (500) until it is migrated")
    func lazySchemaCheck() async throws {
        let migrations = Self.twoMigrations
        try await withTestDatabase(migrations: Array(migrations.prefix(1))) { database in
            let session = PostgresSession(configuration: database.configuration())
            session.requireSchema(Migrator(migrations: migrations))
            var ran = false
            let error = try #require(throws: PostgresError.self) { try session.run(.readOnly) { _ in ran = true } }
            #expect(!ran)
            #expect(error.code == .schemaOutdated && error.httpStatus == 500)
            _ = try Migrator(migrations: migrations).migrate(try database.connect())
            #expect(try session.run(.readOnly) { try $0.execute("SELECT count(*) FROM b").first!.decode(0, as: Int.self) } == 0)
        }
    }
}
